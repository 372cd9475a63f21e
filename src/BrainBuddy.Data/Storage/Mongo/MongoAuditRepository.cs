using BrainBuddy.Data.Audit;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

internal sealed class MongoAuditRepository(IMongoDatabase database, TimeProvider clock)
    : MongoRepository<AuditEvent>(database, "audit_events", clock), IAuditRepository
{
    public override IEnumerable<CreateIndexModel<AuditEvent>> Indexes() =>
    [
        // The admin listing: newest first, optionally for one actor or one action, with _id as the keyset tie-break.
        IndexOn(Index.Descending(e => e.Time).Descending(e => e.Id), "time_desc"),
        IndexOn(Index.Ascending(e => e.Actor).Descending(e => e.Time).Descending(e => e.Id), "actor_time_desc"),
        IndexOn(Index.Ascending(e => e.Action).Descending(e => e.Time).Descending(e => e.Id), "action_time_desc"),
    ];

    public Task InsertAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        auditEvent.Time = auditEvent.CreatedAt = auditEvent.UpdatedAt = Now;
        return Collection.InsertOneAsync(auditEvent, cancellationToken: cancellationToken);
    }

    public async Task<Page<AuditEvent>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var items = await Collection.Find(ListFilter(query, KeysetCursor.Decode(query.Cursor)))
            .Sort(NewestFirst)
            .Limit(query.Limit)
            .ToListAsync(cancellationToken);
        return new Page<AuditEvent>(items, KeysetCursor.After(items, query.Limit, e => e.Time, e => e.Id));
    }

    internal static readonly SortDefinition<AuditEvent> NewestFirst = Sort.Descending(e => e.Time).Descending(e => e.Id);

    internal static FilterDefinition<AuditEvent> ListFilter(AuditQuery query, KeysetCursor? after)
    {
        var filter = Filter.Empty;
        filter = query.Action is { } action ? filter & Filter.Eq(e => e.Action, action) : filter;
        filter = query.Actor is { } actor ? filter & Filter.Eq(e => e.Actor, actor) : filter;
        if (after is { } position)
        {
            filter &= OlderThan(e => e.Time, e => e.Id, position);
        }

        return filter;
    }
}
