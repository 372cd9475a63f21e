using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using BrainBuddy.Data.Knowledge;

namespace BrainBuddy.Training.Knowledge;

/// <summary>A knowledge file after reading: its entries when it has no problem, otherwise every problem found.</summary>
internal sealed record KnowledgeFileContents(string File, int EntryCount, IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<KnowledgeProblem> Problems);

/// <summary>
/// Checks a knowledge file against the format of seed/knowledge/schema.json, plus the rules a schema cannot
/// express (DOI syntax, plausible year, strength allowed by the direction, duplicates), and reports every problem
/// in one pass instead of stopping at the first. Entries are built only from a file without problems.
/// </summary>
internal static partial class KnowledgeFileReader
{
    public const int MaxStimulusTypeLength = 64;
    public const int MaxDesignLength = 200;
    public const int MaxEffectLength = 2000;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    private static readonly FrozenSet<string> FileProperties = FrozenSet.Create(StringComparer.Ordinal, "$schema", "entries");

    private static readonly FrozenSet<string> EntryProperties = FrozenSet.Create(
        StringComparer.Ordinal, "stimulus_type", "stimulus_parameters", "outcome", "direction", "evidence_strength", "design", "effect", "citations");

    /// <param name="latestYear">The latest plausible citation year: next year, for papers published ahead of print.</param>
    public static KnowledgeFileContents Read(KnowledgeFile file, int latestYear)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problems = new KnowledgeProblemList(file.Name, latestYear);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutByteOrderMark(file.Utf8Json), Options);
        }
        catch (JsonException exception)
        {
            problems.Add(null, "$", $"is not valid JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}: {Reason(exception)}");
            return Rejected(file.Name, entryCount: 1, problems);
        }

        using (document)
        {
            return Read(file.Name, document.RootElement, problems);
        }
    }

    private static KnowledgeFileContents Read(string file, JsonElement root, KnowledgeProblemList problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(null, "$", "must be an object with an \"entries\" array.");
            return Rejected(file, entryCount: 1, problems);
        }

        problems.RejectUnknown(null, root, "$", FileProperties);
        if (root.TryGetProperty("$schema", out var schema) && schema.ValueKind != JsonValueKind.String)
        {
            problems.Add(null, "$.$schema", "must be a string.");
        }

        if (!root.TryGetProperty("entries", out var entriesElement) || entriesElement.ValueKind != JsonValueKind.Array)
        {
            problems.Add(null, "$.entries", "is required and must be an array.");
            return Rejected(file, entryCount: 1, problems);
        }

        var entries = new List<KnowledgeEntry>(entriesElement.GetArrayLength());
        var firstIndexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in entriesElement.EnumerateArray())
        {
            if (ReadEntry(element, index, problems) is { } entry)
            {
                if (firstIndexByKey.TryAdd(entry.NaturalKey, index))
                {
                    entries.Add(entry);
                }
                else
                {
                    problems.Add(index, $"$.entries[{index}]", $"repeats entries[{firstIndexByKey[entry.NaturalKey]}]: same stimulus type, parameters, outcome and source.");
                }
            }

            index++;
        }

        return problems.Items.Count == 0
            ? new KnowledgeFileContents(file, index, entries, [])
            : Rejected(file, Math.Max(index, 1), problems);
    }

    private static KnowledgeEntry? ReadEntry(JsonElement element, int index, KnowledgeProblemList problems)
    {
        var path = $"$.entries[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(index, path, "must be an object.");
            return null;
        }

        var problemsBefore = problems.Items.Count;
        problems.RejectUnknown(index, element, path, EntryProperties);
        var stimulusType = problems.Text(index, element, path, "stimulus_type", MaxStimulusTypeLength, required: true);
        if (stimulusType is not null && !SnakeCasePattern().IsMatch(stimulusType))
        {
            problems.Add(index, path + ".stimulus_type", "must be lower snake_case (a-z, 0-9, _), starting with a letter.");
        }

        var parameters = StimulusParametersReader.Read(element, index, path, problems);
        var outcome = problems.Word(index, element, path, "outcome", KnowledgeVocabulary.Outcomes);
        var direction = problems.Word(index, element, path, "direction", KnowledgeVocabulary.Directions.Keys);
        var strength = ReadStrength(element, index, path, direction, problems);
        var design = problems.Text(index, element, path, "design", MaxDesignLength, required: false);
        var effect = problems.Text(index, element, path, "effect", MaxEffectLength, required: false);
        var citations = CitationsReader.Read(element, index, path, problems);
        if (problems.Items.Count != problemsBefore)
        {
            return null;
        }

        var entry = new KnowledgeEntry
        {
            StimulusType = stimulusType!,
            StimulusParameters = parameters!,
            Outcome = outcome!,
            Direction = direction!,
            EvidenceStrength = strength!.Value,
            Design = design,
            Effect = effect,
            Citations = citations!,
        };
        entry.NaturalKey = KnowledgeNaturalKey.Compute(entry);
        return entry;
    }

    private static double? ReadStrength(JsonElement entry, int index, string path, string? direction, KnowledgeProblemList problems)
    {
        path += ".evidence_strength";
        if (!entry.TryGetProperty("evidence_strength", out var element))
        {
            problems.Add(index, path, "is required.");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var strength) || strength is < 0 or > 1)
        {
            problems.Add(index, path, "must be a number from 0 to 1.");
            return null;
        }

        if (direction is not null && !KnowledgeVocabulary.Directions[direction].Contains(strength))
        {
            var allowed = KnowledgeVocabulary.Directions[direction];
            problems.Add(index, path, $"{strength} is outside {allowed.Min:0.00}-{allowed.Max:0.00}, the range the band rule allows a {direction} finding.");
        }

        return strength;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCasePattern();

    // The message ends with the position again, 0-based ("LineNumber: 2 | BytePositionInLine: 5."); ours is 1-based, as editors count.
    private static string Reason(JsonException exception)
    {
        var end = exception.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return end > 0 ? exception.Message[..end] : exception.Message;
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    private static KnowledgeFileContents Rejected(string file, int entryCount, KnowledgeProblemList problems) =>
        new(file, entryCount, [], problems.Items);
}
