using System.ComponentModel.DataAnnotations;

namespace BrainBuddy.Api.Personalization;

/// <summary>Retraining jobs (section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>When the recurring retrain runs (cron, UTC). Default: every day at 03:00.</summary>
    [Required]
    public string RetrainCron { get; set; } = "0 3 * * *";

    /// <summary>Whether this process executes jobs. API-only instances set false and leave the work to `worker` processes.</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;
}
