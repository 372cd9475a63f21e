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

    [Fact]
    public async Task Should_undo_only_the_failing_statement_of_a_group_without_savepoints()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var database = new SqliteDatabase(Path.Combine(directory, "statements.db"), fullSync: false);
        await database.WriteAsync(connection => SqliteDatabase.Execute(connection, "CREATE TABLE t (n INTEGER UNIQUE, s TEXT);"), cancellationToken);

        // Queued while the writer is busy, so they share the next group: the third violates the unique index after the
        // first two changed rows.
        using var busy = WriterHeld(database);
        var writes = new[] { "INSERT INTO t VALUES (1, 'a')", "UPDATE t SET s = 'b' WHERE n = 1", "INSERT INTO t VALUES (1, 'c')", "INSERT INTO t VALUES (2, 'd')" }
            .Select(sql => database.WriteOneStatementAsync(connection => SqliteDatabase.Execute(connection, sql), cancellationToken))
            .ToList();
        busy.Set();

        await Assert.ThrowsAsync<SqliteException>(() => writes[2]);
        var changed = await Task.WhenAll(writes[0], writes[1], writes[3]);
        Assert.Equal([1, 1, 1], changed);
        Assert.Equal(["1 b", "2 d"], database.ReadRows("SELECT n || ' ' || s FROM t ORDER BY n", row => row.GetString(0)));
    }

    [Fact]
    public async Task Should_fail_the_whole_group_when_its_transaction_is_lost()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var database = new SqliteDatabase(Path.Combine(directory, "lost.db"), fullSync: false);
        await database.WriteAsync(connection => SqliteDatabase.Execute(connection, "CREATE TABLE t (n INTEGER);"), cancellationToken);

        // What a full disk does to a transaction, staged: it is rolled back under the group's feet, then the work fails.
        using var busy = WriterHeld(database);
        var before = database.WriteOneStatementAsync(connection => SqliteDatabase.Execute(connection, "INSERT INTO t VALUES (1)"), cancellationToken);
        var losing = database.WriteOneStatementAsync<int>(connection =>
        {
            SqliteDatabase.Execute(connection, "ROLLBACK;");
            throw new IOException("disk full");
        }, cancellationToken);
        var after = database.WriteOneStatementAsync(connection => SqliteDatabase.Execute(connection, "INSERT INTO t VALUES (3)"), cancellationToken);
        busy.Set();

        await Assert.ThrowsAsync<IOException>(() => losing);
        await Assert.ThrowsAsync<IOException>(() => before);
        await Assert.ThrowsAsync<IOException>(() => after);
        Assert.Equal([0L], database.ReadRows("SELECT count(*) FROM t", row => row.GetInt64(0)));
        Assert.Equal(1, await database.WriteOneStatementAsync(connection => SqliteDatabase.Execute(connection, "INSERT INTO t VALUES (4)"), cancellationToken));
    }

    /// <summary>Keeps the writer inside a group of its own until the returned gate is set, so the writes queued meanwhile form the next group.</summary>
    private static ManualResetEventSlim WriterHeld(SqliteDatabase database)
    {
        var gate = new ManualResetEventSlim();
        var entered = new ManualResetEventSlim();
        _ = database.WriteAsync(_ =>
        {
            entered.Set();
            return gate.Wait(TimeSpan.FromSeconds(10));
        });
        entered.Wait(TimeSpan.FromSeconds(10));
        return gate;
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
