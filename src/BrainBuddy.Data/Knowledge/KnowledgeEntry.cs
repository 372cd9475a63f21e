using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Knowledge;

/// <summary>What one study found about one stimulus and one outcome (stored in <c>brain_knowledge</c>).</summary>
public sealed class KnowledgeEntry : IDocument
{
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();

    public string StimulusType { get; set; } = "";

    /// <summary>e.g. carrier_frequency, beat_frequency; free-form, values may be numbers or text.</summary>
    public BsonDocument StimulusParameters { get; set; } = [];

    public string Outcome { get; set; } = "";

    /// <summary>positive, mixed, null or negative: null and negative findings pull a ranking down.</summary>
    public string Direction { get; set; } = "positive";

    /// <summary>0..1, strength of the evidence that this stimulus produces this outcome.</summary>
    public double EvidenceStrength { get; set; }

    public string? Design { get; set; }

    public string? Effect { get; set; }

    public List<Citation> Citations { get; set; } = [];

    /// <summary>Hash of stimulus type, parameters, outcome and DOI (or title): loading a file twice changes nothing.</summary>
    public string NaturalKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public sealed class Citation
{
    public string Title { get; set; } = "";

    /// <summary>Null when the source did not show them: citations are copied, never invented.</summary>
    public string? Authors { get; set; }

    public int? Year { get; set; }

    public string? Doi { get; set; }
}
