using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.UserModels;
using BrainBuddy.Training.Personalization;
using Hangfire;

namespace BrainBuddy.Api.Personalization;

/// <summary>
/// The scheduled work. <see cref="RetrainAllAsync"/> retrains the population first, then fans out one job per user
/// whose labelled sessions changed after their model, so any number of API or worker processes share the work.
/// Jobs are idempotent (a retrain with nothing new stores nothing) and Hangfire retries failures.
/// </summary>
public sealed class RetrainJobs(
    PopulationRetrainService population,
    PopulationModelStore populationStore,
    UserModelService userModels,
    ISessionRepository sessions,
    IUserModelRepository storedModels,
    IBackgroundJobClient jobs,
    JobStorage storage,
    ILogger<RetrainJobs> logger)
{
    public const string RecurringId = "retrain-all";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RetrainAllAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (await population.RetrainAsync(cancellationToken) is { } model)
        {
            await populationStore.SaveAsync(model, cancellationToken);
        }

        var due = await DueUsersAsync(cancellationToken);
        foreach (var userId in due)
        {
            jobs.Enqueue<RetrainJobs>(job => job.RetrainUserAsync(userId, CancellationToken.None));
        }

        logger.RetrainFannedOut(due.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return due.Count;
    }

    /// <summary>Trains one user. A lock in the job storage keeps two processes from training the same user at once.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task<RetrainStatus> RetrainUserAsync(string userId, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        using var userLock = connection.AcquireDistributedLock($"brainbuddy:retrain:{userId}", TimeSpan.FromMinutes(2));
        return (await userModels.RetrainAsync(userId, cancellationToken)).Status;
    }

    /// <summary>Users with a labelled session created or changed after their model was last written.</summary>
    public async Task<IReadOnlyList<string>> DueUsersAsync(CancellationToken cancellationToken)
    {
        var due = new List<string>();
        foreach (var (userId, latestChange) in await sessions.GetLatestLabelledChangeByUserAsync(cancellationToken))
        {
            var model = await storedModels.GetAsync(userId, cancellationToken);
            if (model is null || model.UpdatedAt < latestChange)
            {
                due.Add(userId);
            }
        }

        return due;
    }
}
