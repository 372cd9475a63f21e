using BrainBuddy.Data.Knowledge;
using BrainBuddy.Training.Knowledge;
using MongoDB.Bson;

namespace BrainBuddy.Training.Tests.Knowledge;

public sealed class KnowledgeNaturalKeyTests
{
    [Fact]
    public void Should_give_the_same_key_when_parameters_are_reordered_and_numbers_written_differently()
    {
        var original = Entry(new BsonDocument { ["beat_frequency"] = 40, ["carrier"] = "340 Hz" });
        var rewritten = Entry(new BsonDocument { ["carrier"] = "340 Hz", ["beat_frequency"] = 40.0 });

        Assert.Equal(KnowledgeNaturalKey.Compute(original), KnowledgeNaturalKey.Compute(rewritten));
    }

    [Fact]
    public void Should_give_the_same_key_when_only_the_content_or_the_doi_case_differs()
    {
        var original = Entry();
        var revised = Entry(doi: "10.1007/S00426-018-1066-8");
        revised.EvidenceStrength = 0.2;
        revised.Direction = "null";
        revised.Effect = "revised after a replication";
        revised.Citations[0].Title = "A corrected title";

        Assert.Equal(KnowledgeNaturalKey.Compute(original), KnowledgeNaturalKey.Compute(revised));
    }

    [Fact]
    public void Should_give_different_keys_when_stimulus_parameters_outcome_or_source_differ()
    {
        var keys = new[]
        {
            Entry(),
            Entry(stimulusType: "monaural_beats"),
            Entry(new BsonDocument { ["beat_frequency"] = 10 }),
            Entry(new BsonDocument { ["beat_frequency"] = "40" }),
            Entry(outcome: "reduced_anxiety"),
            Entry(doi: "10.1371/journal.pone.0286023"),
            Entry(doi: null),
        }.Select(KnowledgeNaturalKey.Compute);

        Assert.Equal(7, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Should_identify_the_source_by_its_normalised_title_when_there_is_no_doi()
    {
        var original = Entry(doi: null);
        var respaced = Entry(doi: null);
        respaced.Citations[0].Title = "  EFFICACY of binaural   auditory beats\tin cognition, anxiety, and pain perception: a meta-analysis ";

        Assert.Equal(KnowledgeNaturalKey.Compute(original), KnowledgeNaturalKey.Compute(respaced));
    }

    [Fact]
    public void Should_be_lower_case_sha256_hex_when_computed()
    {
        var key = KnowledgeNaturalKey.Compute(Entry());

        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    private static KnowledgeEntry Entry(BsonDocument? parameters = null, string stimulusType = "binaural_beats", string outcome = "increased_focus", string? doi = "10.1007/s00426-018-1066-8") => new()
    {
        StimulusType = stimulusType,
        StimulusParameters = parameters ?? new BsonDocument { ["beat_frequency"] = 40 },
        Outcome = outcome,
        Direction = "positive",
        EvidenceStrength = 0.7,
        Citations = [new Citation { Title = "Efficacy of binaural auditory beats in cognition, anxiety, and pain perception: a meta-analysis", Year = 2019, Doi = doi }],
    };
}
