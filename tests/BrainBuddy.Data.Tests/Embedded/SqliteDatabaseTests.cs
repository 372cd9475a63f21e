using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage.Embedded;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using SQLitePCL;

namespace BrainBuddy.Data.Tests.Embedded;

/// <summary>How the embedded store spends its time: under load these decide how many requests two cores serve.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private const int SelectAction = 21; // sqlite3.h's SQLITE_SELECT: the authorizer sees it once per compiled SELECT

    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-statements", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Should_commit_on_a_thread_of_its_own_not_on_the_thread_pool()
    {
        using var database = new SqliteDatabase(Path.Combine(directory, "writer.db"));
        List<bool> onThreadPool = [];
        for (var write = 0; write < 3; write++)
        {
            // Apart in time, so each write is a group commit of its own that the writer waited for.
            await Task.Delay(20, TestContext.Current.CancellationToken);
            onThreadPool.Add(await database.WriteAsync(_ => Thread.CurrentThread.IsThreadPoolThread, TestContext.Current.CancellationToken));
        }

        Assert.Equal([false, false, false], onThreadPool);
    }

    /// <summary>A statement SQLite re-compiles on every run costs more than the query it runs.</summary>
    [Fact]
    public async Task Should_run_a_session_page_query_without_recompiling_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var storage = EmbeddedStorage.Open(Path.Combine(directory, "brainbuddy.db"));
        var userId = ObjectId.GenerateNewId().ToString();
        await storage.Sessions.InsertManyAsync(
            [.. Enumerable.Range(0, 30).Select(minute => new TrainingSession
            {
                UserId = userId,
                ModuleType = ModuleType.Movers,
                Timestamp = new DateTime(2026, 3, 1, 8, minute, 0, DateTimeKind.Utc),
                DurationSeconds = 600,
            })],
            cancellationToken);

        // SQLite asks a connection's authorizer about every statement it compiles, so counting its questions counts
        // compilations. Setting one expires the connection's statements: the first run compiles once more.
        var compilations = 0;
        using (var lease = storage.Database.OpenReader())
        {
            raw.sqlite3_set_authorizer(lease.Connection.Handle, (strdelegate_authorizer)((_, action, _, _, _, _) =>
            {
                compilations += action == SelectAction ? 1 : 0;
                return raw.SQLITE_OK;
            }), null);
        }

        // One after another on this thread, so each run borrows that same pooled reader connection.
        for (var run = 0; run < 5; run++)
        {
            var page = await storage.Sessions.ListAsync(userId, new SessionQuery(Limit: 20), cancellationToken);
            Assert.Equal(20, page.Items.Count);
        }

        Assert.Equal(1, compilations);
    }

    [Fact]
    public void Should_bind_only_the_names_a_query_uses_and_refuse_to_run_without_one_it_needs()
    {
        using var database = new SqliteDatabase(Path.Combine(directory, "binding.db"));

        var sums = database.ReadRows("SELECT $a + $b", row => row.GetInt64(0), ("$a", 2L), ("$unused", "ignored"), ("$b", 3));
        var missing = Assert.Throws<ArgumentException>(() => database.ReadRows("SELECT $a + $b", row => row.GetInt64(0), ("$a", 2L)));

        Assert.Equal([5L], sums);
        Assert.Contains("$b", missing.Message, StringComparison.Ordinal);
    }

    /// <summary>A read transaction left open pins the WAL: no checkpoint could reset it, and it would grow without end.</summary>
    [Fact]
    public async Task Should_end_a_querys_read_transaction_even_when_a_row_cannot_be_mapped()
    {
        var path = Path.Combine(directory, "checkpoint.db");
        using var database = new SqliteDatabase(path);
        await database.WriteAsync(connection => SqliteDatabase.Execute(connection, "CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2);"), TestContext.Current.CancellationToken);

        Assert.Throws<InvalidDataException>(() => database.ReadRows<long>("SELECT n FROM t", _ => throw new InvalidDataException("unreadable row")));

        using var checkpointer = new SqliteConnection($"Data Source={path}");
        checkpointer.Open();
        SqliteDatabase.Execute(checkpointer, "PRAGMA busy_timeout=0;");
        // wal_checkpoint answers (busy, frames in the log, frames checkpointed); busy is 1 when a reader holds the log.
        Assert.Equal(0L, SqliteDatabase.Scalar(checkpointer, "PRAGMA wal_checkpoint(TRUNCATE);"));
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
