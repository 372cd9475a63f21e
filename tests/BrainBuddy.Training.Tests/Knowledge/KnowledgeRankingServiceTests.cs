using BrainBuddy.Data;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Storage;
using BrainBuddy.Training.Knowledge;
using MongoDB.Bson;

namespace BrainBuddy.Training.Tests.Knowledge;

public sealed class KnowledgeRankingServiceTests : IAsyncLifetime
{
    private const string Focus = "increased_focus";

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TemporaryKnowledgeStore store = null!;
    private KnowledgeRankingService sut = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        store = new TemporaryKnowledgeStore(clock);
        sut = new KnowledgeRankingService(store.Knowledge, clock);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task Should_rank_by_combined_evidence_and_sink_a_stimulus_when_null_findings_outweigh_its_positives()
    {
        // many_nulls has the strongest single finding and the largest strength sum, so ranking by best finding or
        // by total would put it first; its four null findings must put it below a single modest positive study.
        await Store(
            Finding("strong_positive", 0.70, "s1"),
            Finding("strong_positive", 0.75, "s2"),
            Finding("strong_positive", 0.80, "s3"),
            Finding("single_meta", 0.80, "s4"),
            Finding("small_positive", 0.45, "s5"),
            Finding("many_nulls", 0.85, "s6"),
            Finding("many_nulls", 0.80, "s7"),
            Finding("many_nulls", 0.10, "s8", "null"),
            Finding("many_nulls", 0.10, "s9", "null"),
            Finding("many_nulls", 0.10, "s10", "null"),
            Finding("many_nulls", 0.20, "s11", "null"),
            Finding("negative_only", 0.05, "s12", "negative"),
            Finding("negative_only", 0.90, "s13", outcome: "reduced_anxiety"));

        var rankings = await sut.RankAsync(Focus, limit: 10, Cancellation);

        Assert.Equal(["strong_positive", "single_meta", "small_positive", "many_nulls", "negative_only"], rankings.Items.Select(item => item.StimulusType));
        Assert.Equal([1, 2, 3, 4, 5], rankings.Items.Select(item => item.Rank));
        Assert.Equal(rankings.Items.Select(item => item.Score).OrderDescending(), rankings.Items.Select(item => item.Score));
        Assert.True(rankings.Items[^1].Score < EvidenceScore.NoEvidence, "Evidence against an outcome scores below no evidence at all.");
    }

    [Fact]
    public async Task Should_break_ties_by_sources_then_findings_then_stimulus_type_when_scores_are_equal()
    {
        await Store(
            Finding("a_single", 0.30, "s1", "mixed"),
            Finding("b_split_source", 0.30, "s2", "mixed"),
            Finding("b_split_source", 0.30, "s2", "mixed", variant: 1),
            Finding("c_two_sources", 0.30, "s3", "mixed"),
            Finding("c_two_sources", 0.30, "s4", "mixed"),
            Finding("d_single", 0.30, "s5", "mixed"));

        var rankings = await sut.RankAsync(Focus, limit: 10, Cancellation);
        var again = await new KnowledgeRankingService(store.Knowledge, clock).RankAsync(Focus, limit: 10, Cancellation);

        Assert.Single(rankings.Items.Select(item => item.Score).Distinct());
        Assert.Equal(["c_two_sources", "b_split_source", "a_single", "d_single"], rankings.Items.Select(item => item.StimulusType));
        Assert.Equal(rankings.Items.Select(item => item.StimulusType), again.Items.Select(item => item.StimulusType));
    }

    [Fact]
    public async Task Should_rank_each_brainwave_target_as_its_own_stimulus_when_entries_name_one()
    {
        await Store(
            Finding("binaural_beats", 0.35, "s1", target: BrainwaveTarget.Gamma),
            Finding("binaural_beats", 0.20, "s2", "null", target: BrainwaveTarget.Gamma),
            Finding("binaural_beats", 0.70, "s3"),
            Finding("binaural_beats", 0.45, "s4", target: BrainwaveTarget.Alpha));

        var rankings = await sut.RankAsync(Focus, limit: 10, Cancellation);

        Assert.Equal(
            [(string?)null, EnumName.Of(BrainwaveTarget.Alpha), EnumName.Of(BrainwaveTarget.Gamma)],
            rankings.Items.Select(item => item.BrainwaveTarget is { } band ? EnumName.Of(band) : null));
        Assert.Equal([1, 1, 2], rankings.Items.Select(item => item.FindingCount));
    }

    [Fact]
    public async Task Should_show_strongest_and_weakest_finding_and_each_source_once_when_a_stimulus_has_several_findings()
    {
        var unknownYear = Finding("music", 0.20, "no-year", "null");
        unknownYear.Citations[0].Year = null;
        unknownYear.Citations[0].Authors = null;
        unknownYear.NaturalKey = KnowledgeNaturalKey.Compute(unknownYear);
        await Store(
            Finding("music", 0.35, "meta", variant: 1),
            unknownYear,
            Finding("music", 0.60, "meta"));

        var music = Assert.Single((await sut.RankAsync(Focus, limit: 10, Cancellation)).Items);

        Assert.Equal((3, 2), (music.FindingCount, music.SourceCount));
        Assert.Equal((0.60, "positive"), (music.Strongest.EvidenceStrength, music.Strongest.Direction));
        Assert.Equal((0.20, "null"), (music.Weakest.EvidenceStrength, music.Weakest.Direction));
        Assert.Equal<object>(0, music.Strongest.StimulusParameters["variant"]);
        Assert.Equal(["10.5555/meta", "10.5555/no-year"], music.Citations.Select(citation => citation.Doi));
        Assert.Equal(((int?)null, (string?)null), (music.Citations[1].Year, music.Citations[1].Authors));
    }

    [Fact]
    public async Task Should_return_only_the_best_when_a_limit_is_given()
    {
        await Store(Finding("a", 0.8, "s1"), Finding("b", 0.7, "s2"), Finding("c", 0.6, "s3"));

        var rankings = await sut.RankAsync(Focus, limit: 2, Cancellation);

        Assert.Equal(["a", "b"], rankings.Items.Select(item => item.StimulusType));
    }

    [Fact]
    public async Task Should_refuse_the_query_when_the_outcome_is_unknown_or_the_limit_out_of_range()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => sut.RankAsync("happiness", limit: 10, Cancellation));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.RankAsync(Focus, limit: 0, Cancellation));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.RankAsync(Focus, limit: KnowledgeRankingService.MaxLimit + 1, Cancellation));
    }

    [Fact]
    public async Task Should_rank_with_the_new_finding_when_this_process_writes_after_a_query()
    {
        await Store(Finding("a", 0.6, "s1"), Finding("b", 0.5, "s2"));
        var before = await sut.RankAsync(Focus, limit: 10, Cancellation);

        await Store(Finding("b", 0.85, "s3"), Finding("b", 0.85, "s4"));
        var after = await sut.RankAsync(Focus, limit: 10, Cancellation);

        Assert.Equal(["a", "b"], before.Items.Select(item => item.StimulusType));
        Assert.Equal(["b", "a"], after.Items.Select(item => item.StimulusType));
    }

    [Fact]
    public async Task Should_rank_with_another_instances_write_soon_after_the_cache_lifetime_has_passed()
    {
        await Store(Finding("a", 0.6, "s1"), Finding("b", 0.5, "s2"));
        await sut.RankAsync(Focus, limit: 10, Cancellation);
        var otherInstance = store.Open(clock);
        await otherInstance.Knowledge.UpsertManyAsync([Finding("b", 0.85, "s3"), Finding("b", 0.85, "s4")], Cancellation);

        clock.Advance(KnowledgeRankingService.CacheLifetime - TimeSpan.FromSeconds(1));
        var withinLifetime = await sut.RankAsync(Focus, limit: 10, Cancellation);
        clock.Advance(TimeSpan.FromSeconds(1));
        var whileRefreshing = await sut.RankAsync(Focus, limit: 10, Cancellation);
        var refreshed = await EventuallyAsync(() => sut.RankAsync(Focus, limit: 10, Cancellation), rankings => rankings.Items[0].StimulusType == "b");

        Assert.Equal(["a", "b"], withinLifetime.Items.Select(item => item.StimulusType));
        Assert.Equal(["a", "b"], whileRefreshing.Items.Select(item => item.StimulusType));
        Assert.Equal(["b", "a"], refreshed.Items.Select(item => item.StimulusType));
    }

    [Fact]
    public async Task Should_give_the_no_evidence_prior_when_a_stimulus_has_no_finding_for_the_outcome()
    {
        await Store(Finding("music", 0.8, "s1", outcome: "reduced_anxiety"));

        Assert.Equal(EvidenceScore.NoEvidence, await sut.PriorEffectivenessAsync("music", Focus, cancellationToken: Cancellation));
        Assert.Equal(EvidenceScore.NoEvidence, await sut.PriorEffectivenessAsync("isochronic_tones", "reduced_anxiety", cancellationToken: Cancellation));
    }

    [Fact]
    public async Task Should_pool_the_bands_findings_with_the_general_ones_when_the_prior_names_a_target()
    {
        await Store(
            Finding("binaural_beats", 0.60, "general"),
            Finding("binaural_beats", 0.20, "gamma-null", "null", target: BrainwaveTarget.Gamma),
            Finding("binaural_beats", 0.80, "alpha", target: BrainwaveTarget.Alpha));
        var general = (await sut.RankAsync(Focus, limit: 10, Cancellation)).Items.Single(item => item.BrainwaveTarget is null).Score;

        var alpha = await sut.PriorEffectivenessAsync("binaural_beats", Focus, BrainwaveTarget.Alpha, Cancellation);
        var gamma = await sut.PriorEffectivenessAsync("binaural_beats", Focus, BrainwaveTarget.Gamma, Cancellation);
        var theta = await sut.PriorEffectivenessAsync("binaural_beats", Focus, BrainwaveTarget.Theta, Cancellation);
        var anyBand = await sut.PriorEffectivenessAsync("binaural_beats", Focus, cancellationToken: Cancellation);
        var fortyHertz = await sut.PriorEffectivenessAsync("binaural_beats", Focus, beatFrequencyHz: 40, Cancellation);

        Assert.Equal(general, theta);
        Assert.True(alpha > general && general > gamma, $"{alpha} > {general} > {gamma}");
        Assert.True(alpha > anyBand && anyBand > gamma, $"{alpha} > {anyBand} > {gamma}");
        Assert.Equal(gamma, fortyHertz);
        Assert.InRange(alpha, 0, 1);
    }

    /// <summary>Asks again until the answer satisfies <paramref name="done"/>: a background refresh has no completion to await.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var answer = await ask();
        while (!done(answer) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), Cancellation);
            answer = await ask();
        }

        return answer;
    }

    private async Task Store(params KnowledgeEntry[] entries) => await store.Knowledge.UpsertManyAsync(entries, Cancellation);

    private static KnowledgeEntry Finding(
        string stimulusType, double strength, string source, string direction = "positive", string outcome = Focus, BrainwaveTarget? target = null, int variant = 0)
    {
        var parameters = new BsonDocument { ["variant"] = variant };
        if (target is { } band)
        {
            parameters[StimulusKey.BrainwaveTargetParameter] = EnumName.Of(band);
        }

        var entry = new KnowledgeEntry
        {
            StimulusType = stimulusType,
            StimulusParameters = parameters,
            Outcome = outcome,
            Direction = direction,
            EvidenceStrength = strength,
            Citations = [new Citation { Title = $"Study {source}", Authors = "Doe J", Year = 2020, Doi = $"10.5555/{source}" }],
        };
        entry.NaturalKey = KnowledgeNaturalKey.Compute(entry);
        return entry;
    }
}
