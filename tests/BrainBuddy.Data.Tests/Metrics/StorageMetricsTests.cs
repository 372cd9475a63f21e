using System.Net;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Data.Storage.Metrics;
using BrainBuddy.Data.Storage.Mongo;
using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Tests.Metrics;

public sealed class StorageMetricsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-metrics", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Should_time_each_repository_call_by_backend_collection_and_operation()
    {
        using var storage = EmbeddedStorage.Open(Path.Combine(directory, "brainbuddy.db"), fullSync: false);
        var inserts = StorageMetrics.OperationDuration.WithLabels("embedded", "sessions", "insert");
        var lists = StorageMetrics.OperationDuration.WithLabels("embedded", "sessions", "list");
        var (insertsBefore, listsBefore) = (inserts.Count, lists.Count);
        var userId = MongoDB.Bson.ObjectId.GenerateNewId().ToString();

        await storage.Sessions.InsertAsync(new TrainingSession { UserId = userId, ModuleType = ModuleType.Movers, Timestamp = DateTime.UtcNow, DurationSeconds = 60 }, TestContext.Current.CancellationToken);
        await storage.Sessions.ListAsync(userId, new SessionQuery(), TestContext.Current.CancellationToken);

        // Other tests write sessions at the same time, and a timing lands when the store completes the task,
        // which may be just after the caller resumed: wait briefly for at least this test's samples.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((inserts.Count <= insertsBefore || lists.Count <= listsBefore) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(inserts.Count > insertsBefore);
        Assert.True(lists.Count > listsBefore);
        Assert.True(inserts.Sum > 0);
    }

    [Fact]
    public async Task Should_pass_a_repositorys_own_exception_through_the_timing()
    {
        using var storage = EmbeddedStorage.Open(Path.Combine(directory, "brainbuddy.db"), fullSync: false);

        // Decoding the cursor throws before any task exists; the caller must still see the storage exception.
        await Assert.ThrowsAsync<InvalidCursorException>(() => storage.Sessions.ListAsync("65f1a2b3c4d5e6f708192a3b", new SessionQuery(Cursor: "forged"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Should_name_operations_after_the_repository_method()
    {
        var method = typeof(ISessionRepository).GetMethod(nameof(ISessionRepository.GetLatestLabelledChangeByUserAsync))!;

        Assert.Equal("get_latest_labelled_change_by_user", TimedRepository<ISessionRepository>.OperationName(method));
    }

    [Fact]
    public void Should_count_mongodb_pool_connections_in_use_and_waiting_per_server()
    {
        var server = new DnsEndPoint($"db-{Guid.NewGuid():N}", 27017);
        var label = MongoPoolMetrics.Server(server);

        MongoPoolMetrics.CheckingOut(server);
        MongoPoolMetrics.CheckingOut(server);
        Assert.Equal(2, StorageMetrics.MongoWaitQueue.WithLabels(label).Value);
        MongoPoolMetrics.CheckedOut(server, TimeSpan.FromMilliseconds(3));
        MongoPoolMetrics.CheckOutFailed(server);
        Assert.Equal(0, StorageMetrics.MongoWaitQueue.WithLabels(label).Value);
        Assert.Equal(1, StorageMetrics.MongoConnectionsInUse.WithLabels(label).Value);
        MongoPoolMetrics.CheckedIn(server);

        Assert.Equal(0, StorageMetrics.MongoConnectionsInUse.WithLabels(label).Value);
        Assert.Equal(1, StorageMetrics.MongoCheckOutDuration.WithLabels(label).Count);
        Assert.NotNull(MongoStorage.Settings("mongodb://user:secret@db1:27017").ClusterConfigurator);
        Assert.DoesNotContain("secret", label, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
