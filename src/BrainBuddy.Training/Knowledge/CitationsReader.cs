using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using BrainBuddy.Data.Knowledge;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// Reads an entry's citations. Only the title is required: authors, year and DOI are copied from the source, so a
/// field the source did not show stays out (null) rather than being guessed.
/// </summary>
internal static partial class CitationsReader
{
    public const int MaxCitations = 20;
    public const int MaxTitleLength = 500;
    public const int MaxAuthorsLength = 1000;
    public const int MaxDoiLength = 200;
    public const int EarliestYear = 1900;

    private static readonly FrozenSet<string> CitationProperties = FrozenSet.Create(StringComparer.Ordinal, "title", "authors", "year", "doi");

    public static List<Citation>? Read(JsonElement entry, int index, string path, KnowledgeProblemList problems)
    {
        path += ".citations";
        if (!entry.TryGetProperty("citations", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            problems.Add(index, path, "is required and must be an array.");
            return null;
        }

        var count = element.GetArrayLength();
        if (count is 0 or > MaxCitations)
        {
            problems.Add(index, path, $"must hold 1 to {MaxCitations} citations.");
            return null;
        }

        var citations = new List<Citation>(count);
        var position = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (ReadCitation(item, index, $"{path}[{position}]", problems) is { } citation)
            {
                citations.Add(citation);
            }

            position++;
        }

        return citations.Count == count ? citations : null;
    }

    private static Citation? ReadCitation(JsonElement element, int index, string path, KnowledgeProblemList problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(index, path, "must be an object.");
            return null;
        }

        var problemsBefore = problems.Items.Count;
        problems.RejectUnknown(index, element, path, CitationProperties);
        var title = problems.Text(index, element, path, "title", MaxTitleLength, required: true);
        var authors = problems.Text(index, element, path, "authors", MaxAuthorsLength, required: false);
        var year = ReadYear(element, index, path, problems);
        var doi = problems.Text(index, element, path, "doi", MaxDoiLength, required: false);
        if (doi is not null && !DoiPattern().IsMatch(doi))
        {
            problems.Add(index, path + ".doi", $"'{doi}' is not a DOI (10.<4-9 digits>/<suffix without spaces>); omit the property when the source shows none.");
        }

        return problems.Items.Count == problemsBefore
            ? new Citation { Title = title!, Authors = authors, Year = year, Doi = doi }
            : null;
    }

    private static int? ReadYear(JsonElement citation, int index, string path, KnowledgeProblemList problems)
    {
        if (!citation.TryGetProperty("year", out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var year) || year < EarliestYear || year > problems.LatestYear)
        {
            problems.Add(index, path + ".year", $"must be a whole number from {EarliestYear} to {problems.LatestYear}; omit it when the source shows none.");
            return null;
        }

        return year;
    }

    // \z rather than $, which would also accept a trailing newline; [0-9] rather than \d, which accepts any Unicode digit.
    [GeneratedRegex(@"^10\.[0-9]{4,9}/\S+\z", RegexOptions.CultureInvariant)]
    private static partial Regex DoiPattern();
}
