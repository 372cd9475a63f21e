using BrainBuddy.Data.Knowledge;

namespace BrainBuddy.Training.Knowledge;

/// <summary>How citations are identified.</summary>
public static class KnowledgeCitation
{
    /// <summary>
    /// The work a finding comes from: its DOI lower-cased (DOIs are case-insensitive), or, without one, its title
    /// lower-cased with runs of white space collapsed. Two findings with the same source are not independent.
    /// </summary>
    public static string SourceOf(Citation citation) =>
        string.IsNullOrEmpty(citation.Doi)
            ? "title:" + string.Join(' ', citation.Title.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : "doi:" + citation.Doi.ToLowerInvariant();
}
