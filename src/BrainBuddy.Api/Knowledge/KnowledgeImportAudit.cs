using System.Globalization;
using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Storage;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Api.Knowledge;

/// <summary>Records a knowledge import (through the API or `knowledge load`) with its counts.</summary>
internal static class KnowledgeImportAudit
{
    private const int MaxSourceLength = 200;

    /// <param name="source">What was loaded: the CLI's path, or the uploaded file names.</param>
    public static Task RecordImportAsync(this IAuditLog audit, string actor, string source, KnowledgeLoadReport report) =>
        audit.RecordAsync(
            actor,
            AuditActions.KnowledgeImported,
            StorageCollections.Knowledge,
            report.Rejected == 0 ? AuditOutcome.Success : AuditOutcome.Failure,
            new Dictionary<string, string>
            {
                ["source"] = source.Length > MaxSourceLength ? source[..MaxSourceLength] : source,
                ["added"] = Count(report.Added),
                ["updated"] = Count(report.Updated),
                ["unchanged"] = Count(report.Unchanged),
                ["rejected"] = Count(report.Rejected),
                ["dry_run"] = report.DryRun ? "true" : "false",
            });

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
