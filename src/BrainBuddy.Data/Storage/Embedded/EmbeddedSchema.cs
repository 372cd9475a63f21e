using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>
/// One STRICT table per collection: the document as BSON in <c>doc</c>, plus real columns for every field a
/// query filters, sorts or aggregates on. The indexes mirror the MongoDB ones that a query here uses (see the Mongo
/// repositories); the sessions table is clustered instead (<see cref="SessionsTable"/>).
/// </summary>
internal static class EmbeddedSchema
{
    public const int Version = 2;

    /// <summary>
    /// Sessions are stored in (user, newest first) order, the order the app lists them in: a page is one contiguous
    /// range of the table, with no hop from an index to each row. Inserting into the middle of a clustered table costs
    /// more than appending by rowid, so the table keeps only the indexes its queries use: version 1's indexes on
    /// module_type and timestamp alone served no query here and slowed every insert (bench/README.md, "Mobile API").
    /// </summary>
    private static string SessionsTable(string name) => $"""
        CREATE TABLE IF NOT EXISTS {name} (
            user_id TEXT NOT NULL, timestamp INTEGER NOT NULL, id TEXT NOT NULL, module_type TEXT NOT NULL,
            user_rating INTEGER, effectiveness_score REAL, duration_seconds INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, doc BLOB NOT NULL,
            PRIMARY KEY (user_id, timestamp DESC, id DESC)) STRICT, WITHOUT ROWID;
        """;

    private const string SessionsIndexes = """
        CREATE UNIQUE INDEX IF NOT EXISTS ux_sessions_id ON sessions (id);
        -- Covers the per-module stats, so they read the index alone, never the documents.
        CREATE INDEX IF NOT EXISTS ix_sessions_user_stats ON sessions (user_id, timestamp, module_type, user_rating, effectiveness_score, duration_seconds);
        """;

    private const string SessionColumns = "user_id, timestamp, id, module_type, user_rating, effectiveness_score, duration_seconds, updated_at, doc";

    private static readonly string Ddl = $$"""
        CREATE TABLE IF NOT EXISTS users (
            id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, doc BLOB NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS user_roles (
            role TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (role, user_id)) STRICT, WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS roles (
            id TEXT PRIMARY KEY, normalized_name TEXT NOT NULL UNIQUE, doc BLOB NOT NULL) STRICT;

        {{SessionsTable("sessions")}}
        {{SessionsIndexes}}

        CREATE TABLE IF NOT EXISTS habits (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, habit_type TEXT NOT NULL, created_at INTEGER NOT NULL,
            doc BLOB NOT NULL) STRICT;
        CREATE INDEX IF NOT EXISTS ix_habits_user_created ON habits (user_id, created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_habits_habit_type ON habits (habit_type);

        CREATE TABLE IF NOT EXISTS brain_knowledge (
            id TEXT PRIMARY KEY, natural_key TEXT NOT NULL UNIQUE, stimulus_type TEXT NOT NULL, outcome TEXT NOT NULL,
            doc BLOB NOT NULL) STRICT;
        CREATE INDEX IF NOT EXISTS ix_brain_knowledge_stimulus_type ON brain_knowledge (stimulus_type);
        CREATE INDEX IF NOT EXISTS ix_brain_knowledge_outcome ON brain_knowledge (outcome);

        CREATE TABLE IF NOT EXISTS user_models (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL, doc BLOB NOT NULL) STRICT;

        CREATE TABLE IF NOT EXISTS audit_events (
            id TEXT PRIMARY KEY, time INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, doc BLOB NOT NULL) STRICT;
        CREATE INDEX IF NOT EXISTS ix_audit_events_time ON audit_events (time DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_audit_events_actor ON audit_events (actor, time DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_audit_events_action ON audit_events (action, time DESC, id DESC);
        """;

    /// <summary>
    /// Brings an older database up to <see cref="Version"/>, then creates what is missing. It runs inside the writer's
    /// transaction, so a migration that fails leaves the database as it was. The version is read first: a newer
    /// database is refused before anything is created in it, and an older one is migrated before the current DDL
    /// would build version 2's indexes on its old tables.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of Brain Buddy.</exception>
    public static void Apply(SqliteConnection connection)
    {
        SqliteDatabase.Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT;");
        var stored = SqliteDatabase.Scalar(connection, "SELECT version FROM schema_version") as long?;
        if (stored > Version)
        {
            // Its tables may have a shape this build would misread or damage: stop before any request touches it.
            throw new InvalidOperationException(
                $"The database has schema version {stored}; this build of Brain Buddy knows versions up to {Version}. Run a newer build.");
        }

        if (stored < Version)
        {
            ClusterSessions(connection);
        }

        SqliteDatabase.Execute(connection, Ddl);
        if (stored is null)
        {
            SqliteDatabase.Execute(connection, "INSERT INTO schema_version (version) VALUES ($v)", ("$v", Version));
        }
        else if (stored < Version)
        {
            SqliteDatabase.Execute(connection, "UPDATE schema_version SET version = $v", ("$v", Version));
        }
    }

    /// <summary>
    /// Version 1 → 2: rebuilds the sessions table clustered by (user, time), copying the rows unchanged. Dropping the
    /// old table drops its indexes, so only version 2's are created again.
    /// </summary>
    private static void ClusterSessions(SqliteConnection connection) =>
        SqliteDatabase.Execute(connection, $"""
            {SessionsTable("sessions_clustered")}
            INSERT INTO sessions_clustered ({SessionColumns}) SELECT {SessionColumns} FROM sessions;
            DROP TABLE sessions;
            ALTER TABLE sessions_clustered RENAME TO sessions;
            {SessionsIndexes}
            """);
}
