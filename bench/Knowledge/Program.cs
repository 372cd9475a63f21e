using System.Diagnostics;
using BrainBuddy.Bench.Knowledge;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Training.Knowledge;

// Knowledge loader throughput and ranking latency on the embedded store.
// Usage: dotnet run -c Release --project bench/Knowledge [-- <entries> <warm queries>]
var entryCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var warmQueries = args.Length > 1 ? int.Parse(args[1]) : 2_000;
const int EntriesPerFile = 1_000;
const int ColdRounds = 5;

var folder = Directory.CreateTempSubdirectory("brainbuddy-bench-knowledge-").FullName;
try
{
    Console.WriteLine($"{entryCount} entries in files of {EntriesPerFile}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
    var files = SyntheticKnowledge.Files(entryCount, EntriesPerFile, seed: 20261123);
    using var storage = EmbeddedStorage.Open(Path.Combine(folder, "bench.db"));
    var loader = new KnowledgeLoader(storage.Knowledge, TimeProvider.System);

    await MeasureLoad("dry run on the empty store (read and validate only)", dryRun: true);
    await MeasureLoad("first load (all added)", dryRun: false);
    await MeasureLoad("second load (all unchanged)", dryRun: false);
    await MeasureLoad("dry run (all unchanged)", dryRun: true);

    var outcomes = KnowledgeVocabulary.Outcomes.Order(StringComparer.Ordinal).ToArray();
    var cold = new Latency();
    for (var round = 0; round < ColdRounds; round++)
    {
        // A new service has an empty cache: each first query per outcome reads and aggregates that outcome's entries.
        var fresh = new KnowledgeRankingService(storage.Knowledge, TimeProvider.System);
        foreach (var outcome in outcomes)
        {
            await cold.MeasureAsync(() => fresh.RankAsync(outcome, limit: 10));
        }
    }

    // The part of a cold query that is the store's: reading and deserialising one outcome's entries.
    var reads = new Latency();
    foreach (var outcome in outcomes)
    {
        await reads.MeasureAsync(() => storage.Knowledge.ListByOutcomeAsync(outcome));
    }

    var ranking = new KnowledgeRankingService(storage.Knowledge, TimeProvider.System);
    foreach (var outcome in outcomes)
    {
        await ranking.RankAsync(outcome, limit: 10);
    }

    var warm = new Latency();
    var priors = new Latency();
    KnowledgeRankings? sample = null;
    for (var query = 0; query < warmQueries; query++)
    {
        var outcome = outcomes[query % outcomes.Length];
        sample = await warm.MeasureAsync(() => ranking.RankAsync(outcome, limit: 10));
        await priors.MeasureAsync(() => ranking.PriorEffectivenessAsync("binaural_beats", outcome, beatFrequencyHz: 10));
    }

    // Past the lifetime, with no write in this process: the first query gets the old ranking, a rebuild runs behind it.
    var clock = new ManualClock();
    var aging = new KnowledgeRankingService(storage.Knowledge, clock);
    foreach (var outcome in outcomes)
    {
        await aging.RankAsync(outcome, limit: 10);
    }

    var expired = new Latency();
    for (var round = 0; round < ColdRounds; round++)
    {
        clock.Advance(KnowledgeRankingService.CacheLifetime);
        foreach (var outcome in outcomes)
        {
            await expired.MeasureAsync(() => aging.RankAsync(outcome, limit: 10));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    Console.WriteLine($"ranking, cold cache (first query per outcome): {cold}");
    Console.WriteLine($"of which reading one outcome's entries (ListByOutcomeAsync): {reads}");
    Console.WriteLine($"ranking, first query per outcome after the cache lifetime: {expired}");
    Console.WriteLine($"ranking, warm cache: {warm}");
    Console.WriteLine($"prior, warm cache: {priors}");
    Console.WriteLine($"groups per outcome: {sample!.Items.Count} shown of limit 10; top of {sample.Outcome}: {sample.Items[0].StimulusType} {sample.Items[0].BrainwaveTarget} {sample.Items[0].Score} ({sample.Items[0].FindingCount} findings)");

    async Task MeasureLoad(string label, bool dryRun)
    {
        var start = Stopwatch.GetTimestamp();
        var report = await loader.LoadAsync(files, dryRun);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Console.WriteLine($"{label}: {report.SummaryLine} in {seconds:0.00} s = {entryCount / seconds:0} entries/s");
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}
