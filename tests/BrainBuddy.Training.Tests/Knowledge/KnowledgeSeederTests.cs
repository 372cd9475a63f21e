using BrainBuddy.Training.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;

namespace BrainBuddy.Training.Tests.Knowledge;

public sealed class KnowledgeSeederTests : IAsyncLifetime
{
    private readonly TemporaryKnowledgeStore store = new();
    private KnowledgeSeeder sut = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        sut = new KnowledgeSeeder(store.Knowledge, new KnowledgeLoader(store.Knowledge, TimeProvider.System), NullLogger<KnowledgeSeeder>.Instance);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task Should_load_the_whole_seed_when_the_store_is_empty()
    {
        var report = await sut.SeedIfEmptyAsync(KnowledgeFiles.SeedFolder(), Cancellation);

        Assert.NotNull(report);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(report.Added, await store.Knowledge.CountAsync(Cancellation));
    }

    [Fact]
    public async Task Should_do_nothing_when_the_store_already_holds_knowledge()
    {
        await new KnowledgeLoader(store.Knowledge, TimeProvider.System).LoadAsync([KnowledgeFiles.File("beats.json", KnowledgeFiles.ValidEntry())], dryRun: false, Cancellation);

        var report = await sut.SeedIfEmptyAsync(KnowledgeFiles.SeedFolder(), Cancellation);

        Assert.Null(report);
        Assert.Equal(1, await store.Knowledge.CountAsync(Cancellation));
    }

    [Fact]
    public async Task Should_throw_and_write_nothing_when_one_seed_file_has_a_problem()
    {
        var seed = Directory.CreateDirectory(Path.Combine(store.Folder, "seed")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(seed, "a_good.json"), KnowledgeFiles.File("a_good.json", KnowledgeFiles.ValidEntry()).Utf8Json.ToArray(), Cancellation);
        await File.WriteAllTextAsync(Path.Combine(seed, "b_broken.json"), "{\"entries\": [{}]}", Cancellation);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.SeedIfEmptyAsync(seed, Cancellation));

        Assert.Contains("b_broken.json $.entries[0].stimulus_type: is required.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.Knowledge.CountAsync(Cancellation));
    }
}
