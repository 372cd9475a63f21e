using System.Text.Json;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Api.Knowledge;

public sealed record KnowledgeOutput(
    string Id,
    string StimulusType,
    JsonElement StimulusParameters,
    string Outcome,
    string Direction,
    double EvidenceStrength,
    string? Design,
    string? Effect,
    IReadOnlyList<CitationView> Citations,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static KnowledgeOutput From(KnowledgeEntry entry) => new(
        entry.Id,
        entry.StimulusType,
        FreeFormObject.ToJson(entry.StimulusParameters),
        entry.Outcome,
        entry.Direction,
        entry.EvidenceStrength,
        entry.Design,
        entry.Effect,
        entry.Citations.Select(CitationView.From).ToList(),
        entry.CreatedAt,
        entry.UpdatedAt);
}

public sealed record KnowledgePage(IReadOnlyList<KnowledgeOutput> Items, string? NextCursor);
