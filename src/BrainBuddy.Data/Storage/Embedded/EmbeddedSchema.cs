using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>
/// One STRICT table per collection: the document as BSON in <c>doc</c>, plus real columns for every field a
/// query filters, sorts or aggregates on. The indexes mirror the MongoDB ones (see the Mongo repositories).
/// </summary>
internal static class EmbeddedSchema
{
    public const int Version = 1;

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT;

        CREATE TABLE IF NOT EXISTS users (
            id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, doc BLOB NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS user_roles (
            role TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (role, user_id)) STRICT, WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS roles (
            id TEXT PRIMARY KEY, normalized_name TEXT NOT NULL UNIQUE, doc BLOB NOT NULL) STRICT;

        CREATE TABLE IF NOT EXISTS sessions (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, module_type TEXT NOT NULL, timestamp INTEGER NOT NULL,
            user_rating INTEGER, effectiveness_score REAL, duration_seconds INTEGER NOT NULL,
            updated_at INTEGER NOT NULL, doc BLOB NOT NULL) STRICT;
        CREATE INDEX IF NOT EXISTS ix_sessions_user_timestamp ON sessions (user_id, timestamp DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_sessions_module_type ON sessions (module_type);
        CREATE INDEX IF NOT EXISTS ix_sessions_timestamp ON sessions (timestamp);
        -- Covers the per-module stats, so they read the index alone, never the documents.
        CREATE INDEX IF NOT EXISTS ix_sessions_user_stats ON sessions (user_id, timestamp, module_type, user_rating, effectiveness_score, duration_seconds);

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

    /// <summary>Creates what is missing and records the schema version of a new database.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of Brain Buddy.</exception>
    public static void Apply(SqliteConnection connection)
    {
        SqliteDatabase.Execute(connection, Ddl);
        switch (SqliteDatabase.Scalar(connection, "SELECT version FROM schema_version"))
        {
            case null:
                SqliteDatabase.Execute(connection, "INSERT INTO schema_version (version) VALUES ($v)", ("$v", Version));
                break;
            case long stored when stored > Version:
                // Its tables may have a shape this build would misread or damage: stop before any request touches it.
                throw new InvalidOperationException(
                    $"The database has schema version {stored}; this build of Brain Buddy knows versions up to {Version}. Run a newer build.");
        }
    }
}
