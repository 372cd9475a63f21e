using Prometheus;

namespace BrainBuddy.Api.Operations;

/// <summary>
/// Retraining job metrics; the jobs call <see cref="RunSucceeded"/> or <see cref="RunFailed"/> once per run.
/// <c>job</c> is a short fixed name per kind of job ("population", "personal"), never a user id: each name is a series.
/// </summary>
public static class TrainingMetrics
{
    private static readonly Counter Runs = Prometheus.Metrics.CreateCounter("brainbuddy_retrain_runs_total", "Retraining runs, succeeded or failed.", "job");

    private static readonly Counter Failures = Prometheus.Metrics.CreateCounter("brainbuddy_retrain_failures_total", "Retraining runs that failed.", "job");

    private static readonly Histogram Duration = Prometheus.Metrics.CreateHistogram(
        "brainbuddy_retrain_duration_seconds",
        "Wall time of one retraining run.",
        new HistogramConfiguration { LabelNames = ["job"], Buckets = Histogram.ExponentialBuckets(0.1, 2, 16) });

    private static readonly Histogram UsersPerRun = Prometheus.Metrics.CreateHistogram(
        "brainbuddy_retrain_users_per_run",
        "Users whose model a successful run trained (or whose sessions it used, for the population model).",
        new HistogramConfiguration { LabelNames = ["job"], Buckets = Histogram.ExponentialBuckets(1, 4, 10) });

    public static void RunSucceeded(string job, TimeSpan duration, int users)
    {
        Runs.WithLabels(job).Inc();
        Duration.WithLabels(job).Observe(duration.TotalSeconds);
        UsersPerRun.WithLabels(job).Observe(users);
    }

    public static void RunFailed(string job, TimeSpan duration)
    {
        Runs.WithLabels(job).Inc();
        Failures.WithLabels(job).Inc();
        Duration.WithLabels(job).Observe(duration.TotalSeconds);
    }
}
