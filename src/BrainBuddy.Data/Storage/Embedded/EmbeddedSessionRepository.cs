using BrainBuddy.Data.Sessions;
using Microsoft.Data.Sqlite;
using static BrainBuddy.Data.Storage.Embedded.SqliteDatabase;

namespace BrainBuddy.Data.Storage.Embedded;

internal sealed class EmbeddedSessionRepository(SqliteDatabase database, TimeProvider clock) : ISessionRepository
{
    public Task<InsertResult<TrainingSession>> InsertAsync(TrainingSession session, CancellationToken cancellationToken = default)
    {
        Stamp(session);
        return database.WriteOneStatementAsync(connection => Insert(connection, session), cancellationToken);
    }

    public Task<IReadOnlyList<InsertResult<TrainingSession>>> InsertManyAsync(IReadOnlyList<TrainingSession> sessions, CancellationToken cancellationToken = default)
    {
        foreach (var session in sessions)
        {
            Stamp(session);
        }

        return database.WriteAsync<IReadOnlyList<InsertResult<TrainingSession>>>(
            connection => sessions.Select(session => Insert(connection, session)).ToList(), cancellationToken);
    }

    public Task<TrainingSession?> GetAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<TrainingSession?>(database.ReadOne<TrainingSession>(
            "SELECT doc FROM sessions WHERE id = $id AND user_id = $user", ("$id", id), ("$user", userId)));

    public Task<Page<StoredSession>> ListAsync(string userId, SessionQuery query, CancellationToken cancellationToken = default)
    {
        var after = KeysetCursor.Decode(query.Cursor);
        var sql = "SELECT doc FROM sessions WHERE user_id = $user"
            + (query.ModuleType is null ? "" : " AND module_type = $module")
            + (query.Since is null ? "" : " AND timestamp >= $since")
            + (query.Until is null ? "" : " AND timestamp < $until")
            + (after is null ? "" : KeysetSql.OlderThan("timestamp"))
            + " ORDER BY timestamp DESC, id DESC"
            + KeysetSql.Limit(query.Limit);
        var items = database.ReadRows(
            sql,
            row => new StoredSession(row.GetBlob(0).ToArray()),
            ("$user", userId),
            ("$module", query.ModuleType is { } module ? EnumName.Of(module) : null),
            ("$since", query.Since is { } since ? ToMillis(since) : null),
            ("$until", query.Until is { } until ? ToMillis(until) : null),
            ("$after_time", after is { } a ? ToMillis(a.Time) : null),
            ("$after_id", after?.Id));
        return Task.FromResult(new Page<StoredSession>(items, KeysetCursor.After(items, query.Limit, s => s.Timestamp, s => s.Id)));
    }

    public Task<TrainingSession?> UpdateFeedbackAsync(string userId, string id, SessionFeedback feedback, CancellationToken cancellationToken = default) =>
        database.WriteOneStatementAsync(connection =>
        {
            var session = QueryDocuments<TrainingSession>(connection, "SELECT doc FROM sessions WHERE id = $id AND user_id = $user", ("$id", id), ("$user", userId)).FirstOrDefault();
            if (session is null)
            {
                return null;
            }

            session.UserRating = feedback.UserRating ?? session.UserRating;
            session.EffectivenessScore = feedback.EffectivenessScore ?? session.EffectivenessScore;
            session.UpdatedAt = clock.UtcNowMilliseconds();
            Execute(
                connection,
                "UPDATE sessions SET user_rating = $rating, effectiveness_score = $score, updated_at = $updated, doc = $doc WHERE id = $id",
                ("$rating", session.UserRating),
                ("$score", session.EffectivenessScore),
                ("$updated", ToMillis(session.UpdatedAt)),
                ("$doc", ToBlob(session)),
                ("$id", id));
            return session;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        database.WriteOneStatementAsync(connection => Execute(connection, "DELETE FROM sessions WHERE id = $id AND user_id = $user", ("$id", id), ("$user", userId)) > 0, cancellationToken);

    public Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        database.WriteOneStatementAsync(connection => DeleteAllForUser(connection, userId), cancellationToken);

    public Task<IReadOnlyList<ModuleStats>> GetStatsAsync(string userId, DateTime? since, DateTime? until, CancellationToken cancellationToken = default)
    {
        var stats = database.ReadRows(
            "SELECT module_type, COUNT(*), AVG(user_rating), AVG(effectiveness_score), SUM(duration_seconds) FROM sessions"
            + " WHERE user_id = $user AND ($since IS NULL OR timestamp >= $since) AND ($until IS NULL OR timestamp < $until)"
            + " GROUP BY module_type ORDER BY module_type",
            row => new ModuleStats(
                EnumName.Parse<ModuleType>(row.GetString(0)),
                row.GetInt64(1),
                row.IsNull(2) ? null : row.GetDouble(2),
                row.IsNull(3) ? null : row.GetDouble(3),
                row.GetInt64(4)),
            ("$user", userId),
            ("$since", since is { } s ? ToMillis(s) : null),
            ("$until", until is { } u ? ToMillis(u) : null));
        return Task.FromResult<IReadOnlyList<ModuleStats>>(stats);
    }

    public Task<IReadOnlyList<LabelledSession>> ListLabelledAsync(string userId, CancellationToken cancellationToken = default)
    {
        var sessions = database.ReadMany<TrainingSession>(
            "SELECT doc FROM sessions WHERE user_id = $user AND (user_rating IS NOT NULL OR effectiveness_score IS NOT NULL) ORDER BY timestamp, id",
            ("$user", userId));
        return Task.FromResult<IReadOnlyList<LabelledSession>>(sessions.Select(LabelledSessions.From).ToList());
    }

    public Task<IReadOnlyDictionary<string, DateTime>> GetLatestLabelledChangeByUserAsync(CancellationToken cancellationToken = default)
    {
        var latest = database.ReadRows(
                "SELECT user_id, MAX(updated_at) FROM sessions WHERE user_rating IS NOT NULL OR effectiveness_score IS NOT NULL GROUP BY user_id",
                row => (UserId: row.GetString(0), Changed: FromMillis(row.GetInt64(1))))
            .ToDictionary(row => row.UserId, row => row.Changed, StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyDictionary<string, DateTime>>(latest);
    }

    internal static long DeleteAllForUser(SqliteConnection connection, string userId) =>
        Execute(connection, "DELETE FROM sessions WHERE user_id = $user", ("$user", userId));

    private static InsertResult<TrainingSession> Insert(SqliteConnection connection, TrainingSession session)
    {
        var inserted = Execute(
            connection,
            "INSERT INTO sessions (id, user_id, module_type, timestamp, user_rating, effectiveness_score, duration_seconds, updated_at, doc)"
            + " VALUES ($id, $user, $module, $timestamp, $rating, $score, $duration, $updated, $doc) ON CONFLICT DO NOTHING",
            ("$id", session.Id),
            ("$user", session.UserId),
            ("$module", EnumName.Of(session.ModuleType)),
            ("$timestamp", ToMillis(session.Timestamp)),
            ("$rating", session.UserRating),
            ("$score", session.EffectivenessScore),
            ("$duration", session.DurationSeconds),
            ("$updated", ToMillis(session.UpdatedAt)),
            ("$doc", ToBlob(session)));
        if (inserted == 1)
        {
            return new(InsertOutcome.Created, session);
        }

        var stored = QueryDocuments<TrainingSession>(connection, "SELECT doc FROM sessions WHERE id = $id", ("$id", session.Id)).Single();
        return stored.UserId == session.UserId
            ? new(InsertOutcome.AlreadyExists, stored)
            : throw new DuplicateKeyException("sessions", "id");
    }

    private void Stamp(TrainingSession session)
    {
        var now = clock.UtcNowMilliseconds();
        session.CreatedAt = now;
        session.UpdatedAt = now;
    }
}
