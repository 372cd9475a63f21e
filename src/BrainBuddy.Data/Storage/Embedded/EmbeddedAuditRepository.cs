using BrainBuddy.Data.Audit;
using static BrainBuddy.Data.Storage.Embedded.SqliteDatabase;

namespace BrainBuddy.Data.Storage.Embedded;

internal sealed class EmbeddedAuditRepository(SqliteDatabase database, TimeProvider clock) : IAuditRepository
{
    public Task InsertAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        auditEvent.Time = auditEvent.CreatedAt = auditEvent.UpdatedAt = clock.UtcNowMilliseconds();
        return database.WriteAsync(
            connection => Execute(
                connection,
                "INSERT INTO audit_events (id, time, actor, action, doc) VALUES ($id, $time, $actor, $action, $doc)",
                ("$id", auditEvent.Id),
                ("$time", ToMillis(auditEvent.Time)),
                ("$actor", auditEvent.Actor),
                ("$action", auditEvent.Action),
                ("$doc", ToBlob(auditEvent))),
            cancellationToken);
    }

    public Task<Page<AuditEvent>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var after = KeysetCursor.Decode(query.Cursor);
        var sql = "SELECT doc FROM audit_events WHERE 1 = 1"
            + (query.Action is null ? "" : " AND action = $action")
            + (query.Actor is null ? "" : " AND actor = $actor")
            + (after is null ? "" : KeysetSql.OlderThan("time"))
            + " ORDER BY time DESC, id DESC"
            + KeysetSql.Limit(query.Limit);
        var items = database.ReadMany<AuditEvent>(
            sql,
            ("$action", query.Action),
            ("$actor", query.Actor),
            ("$after_time", after is { } a ? ToMillis(a.Time) : null),
            ("$after_id", after?.Id));
        return Task.FromResult(new Page<AuditEvent>(items, KeysetCursor.After(items, query.Limit, e => e.Time, e => e.Id)));
    }
}
