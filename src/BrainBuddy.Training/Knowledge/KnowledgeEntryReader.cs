using System.Text.Json;
using BrainBuddy.Data.Knowledge;

namespace BrainBuddy.Training.Knowledge;

/// <summary>The result of reading one entry: the entry, or every problem with paths relative to the entry ("outcome", "citations[0].doi").</summary>
public sealed record KnowledgeEntryRead(KnowledgeEntry? Entry, IReadOnlyList<KnowledgeProblem> Problems);

/// <summary>
/// Reads a single entry (a researcher's POST or PUT) with exactly the rules of a seed file, by reading it as a file of
/// one entry: one format, one validator.
/// </summary>
public static class KnowledgeEntryReader
{
    private const string EntryPath = "$.entries[0]";

    public static KnowledgeEntryRead Read(JsonElement entry, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var file = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, JsonElement[]> { ["entries"] = [entry] });
        var contents = KnowledgeFileReader.Read(new KnowledgeFile("request", file), clock.GetUtcNow().Year + 1);
        var problems = contents.Problems.Select(problem => problem with { Path = Relative(problem.Path) }).ToList();
        return new KnowledgeEntryRead(problems.Count == 0 ? contents.Entries.Single() : null, problems);
    }

    private static string Relative(string path) =>
        path.StartsWith(EntryPath, StringComparison.Ordinal) ? path[EntryPath.Length..].TrimStart('.') is { Length: > 0 } rest ? rest : "body" : "body";
}
