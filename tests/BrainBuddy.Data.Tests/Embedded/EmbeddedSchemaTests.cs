using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Embedded;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;

namespace BrainBuddy.Data.Tests.Embedded;

/// <summary>Databases written by an earlier version open, are brought up to date, and keep every row.</summary>
public sealed class EmbeddedSchemaTests : IDisposable
{
    /// <summary>The sessions table exactly as schema version 1 created it.</summary>
    private const string Version1Sessions = """
        CREATE TABLE sessions_v1 (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, module_type TEXT NOT NULL, timestamp INTEGER NOT NULL,
            user_rating INTEGER, effectiveness_score REAL, duration_seconds INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, doc BLOB NOT NULL) STRICT;
        INSERT INTO sessions_v1 SELECT id, user_id, module_type, timestamp, user_rating, effectiveness_score, duration_seconds, updated_at, doc FROM sessions;
        DROP TABLE sessions;
        ALTER TABLE sessions_v1 RENAME TO sessions;
        CREATE INDEX ix_sessions_user_timestamp ON sessions (user_id, timestamp DESC, id DESC);
        CREATE INDEX ix_sessions_module_type ON sessions (module_type);
        CREATE INDEX ix_sessions_timestamp ON sessions (timestamp);
        CREATE INDEX ix_sessions_user_stats ON sessions (user_id, timestamp, module_type, user_rating, effectiveness_score, duration_seconds);
        UPDATE schema_version SET version = 1;
        """;

    private static readonly DateTime Start = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-schema", Guid.NewGuid().ToString("N"));

    public EmbeddedSchemaTests() => Directory.CreateDirectory(directory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(directory, "brainbuddy.db");

    [Fact]
    public async Task Should_bring_a_version_1_database_up_to_date_with_every_session_unchanged()
    {
        var users = new[] { ObjectId.GenerateNewId().ToString(), ObjectId.GenerateNewId().ToString() };
        var written = new Dictionary<string, byte[]>();
        using (var storage = EmbeddedStorage.Open(DatabasePath))
        {
            // Interleaved users and equal timestamps, so the new order is tested on its tie-break as well.
            for (var i = 0; i < 40; i++)
            {
                var session = new TrainingSession
                {
                    UserId = users[i % 2],
                    ModuleType = ModuleType.Movers,
                    Timestamp = Start.AddMinutes(i / 4),
                    DurationSeconds = 60 + i,
                    UserRating = 1 + (i % 5),
                };
                await storage.Sessions.InsertAsync(session, Ct);
                written[session.Id] = session.ToBson();
            }
        }

        Execute(Version1Sessions);
        Assert.Equal(1L, Scalar("SELECT version FROM schema_version"));

        using (var storage = EmbeddedStorage.Open(DatabasePath))
        {
            foreach (var user in users)
            {
                var page = await storage.Sessions.ListAsync(user, new SessionQuery(Limit: 100), Ct);
                Assert.Equal(20, page.Items.Count);
                Assert.Equal(page.Items.OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id, StringComparer.Ordinal).Select(s => s.Id), page.Items.Select(s => s.Id));
                Assert.All(page.Items, stored => Assert.Equal(written[stored.Id], stored.Bson));
            }

            var retry = (await storage.Sessions.GetAsync(users[0], written.Keys.First(), Ct))!;
            Assert.Equal(InsertOutcome.AlreadyExists, (await storage.Sessions.InsertAsync(retry, Ct)).Outcome);
        }

        Assert.Equal((long)EmbeddedSchema.Version, Scalar("SELECT version FROM schema_version"));
        Assert.Contains("WITHOUT ROWID", (string)Scalar("SELECT sql FROM sqlite_schema WHERE name = 'sessions'")!, StringComparison.Ordinal);
        Assert.Equal(
            "ix_sessions_user_stats,ux_sessions_id",
            Scalar("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sessions' AND sql IS NOT NULL ORDER BY name)"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'sessions_clustered'"));
        Assert.Equal(40L, Scalar("SELECT COUNT(*) FROM sessions"));
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
    }

    [Fact]
    public void Should_record_the_schema_version_once_and_open_the_database_again()
    {
        EmbeddedStorage.Open(DatabasePath).Dispose();
        EmbeddedStorage.Open(DatabasePath).Dispose();

        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal((long)EmbeddedSchema.Version, Scalar("SELECT version FROM schema_version"));
    }

    [Fact]
    public void Should_refuse_a_database_written_by_a_newer_version()
    {
        EmbeddedStorage.Open(DatabasePath).Dispose();
        Execute("UPDATE schema_version SET version = 99");

        var refused = Assert.Throws<InvalidOperationException>(() => EmbeddedStorage.Open(DatabasePath));

        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
        Assert.Equal(99L, Scalar("SELECT version FROM schema_version"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        SqliteDatabase.Execute(connection, sql);
    }

    private object? Scalar(string sql)
    {
        using var connection = Connect();
        return SqliteDatabase.Scalar(connection, sql);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
