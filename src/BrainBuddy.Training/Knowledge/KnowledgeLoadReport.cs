namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// What a load did (or, in a dry run, would do). Counts are entries. <see cref="Rejected"/> counts every entry of a
/// rejected file, and a file whose entries cannot be counted (not JSON, no "entries" array, not found) counts as one,
/// so "rejected: 0" always means nothing was rejected.
/// </summary>
public sealed record KnowledgeLoadReport(
    int Added,
    int Updated,
    int Unchanged,
    int Rejected,
    bool DryRun,
    IReadOnlyList<KnowledgeProblem> Problems)
{
    /// <summary>The last line the CLI prints.</summary>
    public string SummaryLine => $"added: {Added}, updated: {Updated}, unchanged: {Unchanged}, rejected: {Rejected}";

    /// <summary>The CLI's exit code: non-zero when anything was rejected.</summary>
    public int ExitCode => Rejected > 0 ? 1 : 0;
}
