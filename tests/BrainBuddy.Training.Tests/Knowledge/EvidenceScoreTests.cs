using BrainBuddy.Data;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Training.Tests.Knowledge;

public sealed class EvidenceScoreTests
{
    [Fact]
    public void Should_score_no_evidence_when_there_is_no_source()
    {
        Assert.Equal(EvidenceScore.NoEvidence, EvidenceScore.Combine([]));
    }

    [Fact]
    public void Should_grow_more_confident_when_more_independent_sources_agree()
    {
        var one = EvidenceScore.Combine(Sources(0.7));
        var two = EvidenceScore.Combine(Sources(0.7, 0.7));
        var five = EvidenceScore.Combine(Sources(0.7, 0.7, 0.7, 0.7, 0.7));

        Assert.True(EvidenceScore.NoEvidence < one && one < two && two < five && five < 0.7, $"{one} < {two} < {five} < 0.7");
    }

    [Fact]
    public void Should_pull_the_score_down_when_null_or_negative_findings_join()
    {
        var positive = EvidenceScore.Combine(Sources(0.6));
        var withNull = EvidenceScore.Combine(Sources(0.6, 0.2));
        var withNegative = EvidenceScore.Combine(Sources(0.6, 0.05));

        Assert.True(withNegative < withNull && withNull < positive, $"{withNegative} < {withNull} < {positive}");
    }

    [Fact]
    public void Should_match_the_readme_example_when_a_meta_analysis_meets_two_null_reviews()
    {
        Assert.Equal(0.45, EvidenceScore.Combine(Sources(0.6)));
        Assert.Equal(0.275, EvidenceScore.Combine(Sources(0.6, 0.1, 0.1)));
    }

    [Fact]
    public void Should_count_a_source_once_when_it_contributes_several_findings()
    {
        var splitPaper = new SourceEvidence().Add(0.6).Add(0.05);

        Assert.Equal(EvidenceScore.Combine(Sources(0.325)), EvidenceScore.Combine([splitPaper]));
    }

    [Theory]
    [InlineData(0.5, BrainwaveTarget.Delta)]
    [InlineData(3.99, BrainwaveTarget.Delta)]
    [InlineData(4, BrainwaveTarget.Theta)]
    [InlineData(7.5, BrainwaveTarget.Theta)]
    [InlineData(8, BrainwaveTarget.Alpha)]
    [InlineData(12.5, BrainwaveTarget.Alpha)]
    [InlineData(13, BrainwaveTarget.Beta)]
    [InlineData(30, BrainwaveTarget.Beta)]
    [InlineData(30.5, BrainwaveTarget.Gamma)]
    [InlineData(100, BrainwaveTarget.Gamma)]
    public void Should_place_a_frequency_in_one_band_when_it_sits_on_or_between_the_glossary_edges(double hertz, BrainwaveTarget band)
    {
        Assert.Equal(band, BrainwaveBands.Of(hertz));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(100.5)]
    public void Should_refuse_a_frequency_when_it_is_outside_what_entries_may_state(double hertz)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BrainwaveBands.Of(hertz));
    }

    private static SourceEvidence[] Sources(params double[] strengths) => [.. strengths.Select(strength => new SourceEvidence().Add(strength))];
}
