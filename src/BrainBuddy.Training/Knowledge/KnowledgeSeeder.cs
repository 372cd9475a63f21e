using BrainBuddy.Data.Knowledge;
using Microsoft.Extensions.Logging;

namespace BrainBuddy.Training.Knowledge;

/// <summary>Fills an empty knowledge store from seed/knowledge/ at start-up.</summary>
public sealed partial class KnowledgeSeeder(IKnowledgeRepository repository, KnowledgeLoader loader, ILogger<KnowledgeSeeder> logger)
{
    /// <summary>
    /// Loads every seed file when the store holds no entry, and does nothing otherwise (returns null). The whole seed
    /// is checked first: a seed with any problem throws and writes nothing, because a half-seeded store would no
    /// longer be empty and later starts would never load the missing files.
    /// </summary>
    /// <exception cref="InvalidOperationException">A seed file has a problem; the message lists every one.</exception>
    public async Task<KnowledgeLoadReport?> SeedIfEmptyAsync(string seedFolder, CancellationToken cancellationToken = default)
    {
        if (await repository.CountAsync(cancellationToken) > 0)
        {
            return null;
        }

        var check = await loader.LoadPathAsync(seedFolder, dryRun: true, cancellationToken);
        if (check.Rejected > 0)
        {
            throw new InvalidOperationException(
                $"The knowledge seed in {seedFolder} was not loaded ({check.SummaryLine}):{Environment.NewLine}{string.Join(Environment.NewLine, check.Problems)}");
        }

        var report = await loader.LoadPathAsync(seedFolder, dryRun: false, cancellationToken);
        LogSeeded(logger, seedFolder, report.SummaryLine);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the knowledge store from {SeedFolder}: {Summary}")]
    private static partial void LogSeeded(ILogger logger, string seedFolder, string summary);
}
