using BrainBuddy.Data;
using BrainBuddy.Data.Knowledge;
using MongoDB.Bson;

namespace BrainBuddy.Training.Knowledge;

/// <summary>The answer to <c>GET /api/v1/knowledge/rankings</c>: stimuli for one outcome, best evidence first.</summary>
public sealed record KnowledgeRankings(string Outcome, IReadOnlyList<StimulusRanking> Items);

/// <param name="Rank">1-based position among every stimulus with findings for the outcome.</param>
/// <param name="Score">0..1, <see cref="EvidenceScore.Combine"/> over the stimulus's findings.</param>
/// <param name="SourceCount">Independent sources (distinct DOI or title) the score counts.</param>
/// <param name="Citations">Distinct citations of the findings, strongest finding first, at most <see cref="KnowledgeRankingService.MaxCitationsShown"/>.</param>
public sealed record StimulusRanking(
    int Rank,
    string StimulusType,
    BrainwaveTarget? BrainwaveTarget,
    double Score,
    int FindingCount,
    int SourceCount,
    RankedFinding Strongest,
    RankedFinding Weakest,
    IReadOnlyList<CitationView> Citations);

/// <summary>One finding as shown in a ranking.</summary>
public sealed record RankedFinding(
    string Id,
    string Direction,
    double EvidenceStrength,
    string? Design,
    string? Effect,
    IReadOnlyDictionary<string, object> StimulusParameters,
    IReadOnlyList<CitationView> Citations)
{
    public static RankedFinding From(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new RankedFinding(
            entry.Id,
            entry.Direction,
            entry.EvidenceStrength,
            entry.Design,
            entry.Effect,
            entry.StimulusParameters.ToDictionary(element => element.Name, element => BsonTypeMapper.MapToDotNetValue(element.Value), StringComparer.Ordinal),
            entry.Citations.Select(CitationView.From).ToList());
    }
}

/// <summary>A citation with its gaps as nulls: no authors or year shown in the source.</summary>
public sealed record CitationView(string Title, string? Authors, int? Year, string? Doi)
{
    public static CitationView From(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return new CitationView(citation.Title, citation.Authors, citation.Year, citation.Doi);
    }
}
