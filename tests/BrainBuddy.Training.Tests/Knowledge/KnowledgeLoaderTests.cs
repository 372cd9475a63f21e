using BrainBuddy.Data.Knowledge;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Training.Tests.Knowledge;

public sealed class KnowledgeLoaderTests : IAsyncLifetime
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TemporaryKnowledgeStore store = null!;
    private KnowledgeLoader sut = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        store = new TemporaryKnowledgeStore(clock);
        sut = new KnowledgeLoader(store.Knowledge, clock);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task Should_add_every_entry_when_the_store_is_empty()
    {
        var report = await sut.LoadAsync([Beats(), Noise()], dryRun: false, Cancellation);

        Assert.Equal("added: 3, updated: 0, unchanged: 0, rejected: 0", report.SummaryLine);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(3, await store.Knowledge.CountAsync(Cancellation));
    }

    [Fact]
    public async Task Should_change_nothing_when_the_same_files_are_loaded_twice()
    {
        await sut.LoadAsync([Beats(), Noise()], dryRun: false, Cancellation);
        var before = await Snapshot();
        clock.Advance(TimeSpan.FromHours(1));

        var report = await sut.LoadAsync([Beats(), Noise()], dryRun: false, Cancellation);

        Assert.Equal("added: 0, updated: 0, unchanged: 3, rejected: 0", report.SummaryLine);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task Should_update_the_entry_in_place_when_its_content_changes_under_the_same_key()
    {
        await sut.LoadAsync([Beats()], dryRun: false, Cancellation);
        var original = Assert.Single(await store.Knowledge.ListByOutcomeAsync("increased_focus", Cancellation));
        var revised = KnowledgeFiles.ValidEntry();
        revised["evidence_strength"] = 0.55;
        clock.Advance(TimeSpan.FromHours(1));

        var report = await sut.LoadAsync([KnowledgeFiles.File("beats.json", revised)], dryRun: false, Cancellation);

        Assert.Equal("added: 0, updated: 1, unchanged: 0, rejected: 0", report.SummaryLine);
        var stored = Assert.Single(await store.Knowledge.ListByOutcomeAsync("increased_focus", Cancellation));
        Assert.Equal((original.Id, 0.55), (stored.Id, stored.EvidenceStrength));
        Assert.True(stored.UpdatedAt > original.UpdatedAt);
    }

    [Fact]
    public async Task Should_write_nothing_from_a_file_when_one_of_its_entries_is_invalid()
    {
        var broken = KnowledgeFiles.ValidEntry(outcome: "relaxation");
        broken["citations"]![0]!["year"] = 1850;
        var mixed = KnowledgeFiles.File("mixed.json", KnowledgeFiles.ValidEntry(), KnowledgeFiles.ValidEntry(outcome: "reduced_anxiety"), broken);

        var report = await sut.LoadAsync([mixed, Noise()], dryRun: false, Cancellation);

        Assert.Equal("added: 1, updated: 0, unchanged: 0, rejected: 3", report.SummaryLine);
        Assert.Equal(1, report.ExitCode);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("mixed.json", 2), (problem.File, problem.EntryIndex));
        Assert.Empty(await store.Knowledge.ListByOutcomeAsync("increased_focus", Cancellation));
        Assert.Single(await store.Knowledge.ListByOutcomeAsync("improved_sleep", Cancellation));
    }

    [Fact]
    public async Task Should_reject_the_later_file_when_two_files_of_one_load_hold_the_same_finding()
    {
        var report = await sut.LoadAsync([Beats(), KnowledgeFiles.File("copy.json", KnowledgeFiles.ValidEntry())], dryRun: false, Cancellation);

        Assert.Equal("added: 2, updated: 0, unchanged: 0, rejected: 1", report.SummaryLine);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("copy.json", 0), (problem.File, problem.EntryIndex));
        Assert.Contains("repeats entries[0] of beats.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_predict_the_real_load_and_write_nothing_when_it_is_a_dry_run()
    {
        await sut.LoadAsync([Beats()], dryRun: false, Cancellation);
        var revised = KnowledgeFiles.ValidEntry();
        revised["effect"] = "g = 0.40 after correction";
        var files = new[] { KnowledgeFiles.File("beats.json", revised, KnowledgeFiles.ValidEntry(outcome: "reduced_anxiety"), KnowledgeFiles.ValidEntry(outcome: "pain_reduction")), Noise(), KnowledgeFiles.Text("broken.json", "{") };
        var before = await Snapshot();

        var predicted = await sut.LoadAsync(files, dryRun: true, Cancellation);
        var unchangedByDryRun = await Snapshot();
        var actual = await sut.LoadAsync(files, dryRun: false, Cancellation);

        Assert.Equal(before, unchangedByDryRun);
        Assert.True(predicted.DryRun);
        Assert.Equal("added: 2, updated: 1, unchanged: 1, rejected: 1", predicted.SummaryLine);
        Assert.Equal(actual.SummaryLine, predicted.SummaryLine);
        Assert.Equal(actual.Problems, predicted.Problems);
    }

    [Fact]
    public async Task Should_load_data_files_in_name_order_and_skip_the_schema_when_given_a_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(store.Folder, "seed")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "b_noise.json"), Noise().Utf8Json.ToArray(), Cancellation);
        await File.WriteAllBytesAsync(Path.Combine(folder, "a_beats.json"), Beats().Utf8Json.ToArray(), Cancellation);
        await File.WriteAllTextAsync(Path.Combine(folder, KnowledgeLoader.SchemaFileName), "{\"type\": \"object\"}", Cancellation);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not knowledge", Cancellation);

        var report = await sut.LoadPathAsync(folder, dryRun: false, Cancellation);

        Assert.Equal("added: 3, updated: 0, unchanged: 0, rejected: 0", report.SummaryLine);
    }

    [Fact]
    public async Task Should_report_a_rejected_source_when_the_path_does_not_exist()
    {
        var missing = Path.Combine(store.Folder, "missing.json");

        var report = await sut.LoadPathAsync(missing, dryRun: false, Cancellation);

        Assert.Equal("added: 0, updated: 0, unchanged: 0, rejected: 1", report.SummaryLine);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(missing, Assert.Single(report.Problems).File);
    }

    [Fact]
    public async Task Should_load_every_shipped_seed_entry_without_a_problem_when_loaded_twice()
    {
        var first = await sut.LoadPathAsync(KnowledgeFiles.SeedFolder(), dryRun: false, Cancellation);
        var second = await sut.LoadPathAsync(KnowledgeFiles.SeedFolder(), dryRun: false, Cancellation);

        Assert.Empty(first.Problems);
        Assert.True(first.Added >= 35, $"The seed holds every reference finding, one entry per outcome: {first.SummaryLine}");
        Assert.Equal($"added: 0, updated: 0, unchanged: {first.Added}, rejected: 0", second.SummaryLine);
        foreach (var direction in KnowledgeVocabulary.Directions.Keys)
        {
            Assert.Contains((await store.Knowledge.ListAsync(new KnowledgeQuery(Limit: 1000), Cancellation)).Items, entry => entry.Direction == direction);
        }
    }

    private static KnowledgeFile Beats() =>
        KnowledgeFiles.File("beats.json", KnowledgeFiles.ValidEntry(), KnowledgeFiles.ValidEntry(outcome: "pain_reduction"));

    private static KnowledgeFile Noise()
    {
        var entry = KnowledgeFiles.ValidEntry(stimulusType: "white_noise", outcome: "improved_sleep", doi: "10.1016/j.smrv.2020.101385");
        entry["stimulus_parameters"] = new System.Text.Json.Nodes.JsonObject { ["mode"] = "continuous broadband noise during sleep" };
        entry["direction"] = "null";
        entry["evidence_strength"] = 0.1;
        return KnowledgeFiles.File("noise.json", entry);
    }

    /// <summary>Every stored entry with its id and times: what "changes nothing" must leave alone.</summary>
    private async Task<string> Snapshot()
    {
        var page = await store.Knowledge.ListAsync(new KnowledgeQuery(Limit: 1000), Cancellation);
        return string.Join('\n', page.Items.Select(entry => $"{entry.Id} {entry.NaturalKey} {entry.EvidenceStrength} {entry.Effect} {entry.CreatedAt:O} {entry.UpdatedAt:O}"));
    }
}
