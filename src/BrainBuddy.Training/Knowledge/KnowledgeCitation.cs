using BrainBuddy.Data.Knowledge;

namespace BrainBuddy.Training.Knowledge;

/// <summary>How citations are identified and how their gaps are stored.</summary>
public static class KnowledgeCitation
{
    /// <summary>
    /// Stored in <see cref="Citation.Year"/> when the source did not show a year: the field is not nullable,
    /// and guessing a year would break the rule that citations are copied, never invented.
    /// </summary>
    public const int UnknownYear = 0;

    /// <summary>
    /// The work a finding comes from: its DOI lower-cased (DOIs are case-insensitive), or, without one, its title
    /// lower-cased with runs of white space collapsed. Two findings with the same source are not independent.
    /// </summary>
    public static string SourceOf(Citation citation) =>
        string.IsNullOrEmpty(citation.Doi)
            ? "title:" + string.Join(' ', citation.Title.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : "doi:" + citation.Doi.ToLowerInvariant();
}
