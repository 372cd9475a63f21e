using BrainBuddy.Data.Knowledge;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

internal sealed class MongoKnowledgeRepository(IMongoDatabase database, MongoTransactions transactions, TimeProvider clock)
    : MongoRepository<KnowledgeEntry>(database, "brain_knowledge", clock), IKnowledgeRepository
{
    private long changeToken;

    public long ChangeToken => Interlocked.Read(ref changeToken);

    public override IEnumerable<CreateIndexModel<KnowledgeEntry>> Indexes() =>
    [
        IndexOn(Index.Ascending(k => k.StimulusType), "stimulus_type"),
        IndexOn(Index.Ascending(k => k.Outcome), "outcome"),
        IndexOn(Index.Ascending(k => k.NaturalKey), "natural_key_unique", unique: true),
    ];

    public async Task<KnowledgeEntry?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.Eq(k => k.Id, id)).FirstOrDefaultAsync(cancellationToken);

    public async Task InsertAsync(KnowledgeEntry entry, CancellationToken cancellationToken = default)
    {
        entry.CreatedAt = entry.UpdatedAt = Now;
        await Changing(async () =>
        {
            await Collection.InsertOneAsync(entry, cancellationToken: cancellationToken);
            return true;
        });
    }

    public async Task<bool> ReplaceAsync(KnowledgeEntry entry, CancellationToken cancellationToken = default)
    {
        entry.UpdatedAt = Now;
        return await Changing(async () => (await Collection.ReplaceOneAsync(Filter.Eq(k => k.Id, entry.Id), entry, cancellationToken: cancellationToken)).MatchedCount == 1);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await Changing(async () => (await Collection.DeleteOneAsync(Filter.Eq(k => k.Id, id), cancellationToken)).DeletedCount == 1);

    public Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<KnowledgeEntry> entries, CancellationToken cancellationToken = default) =>
        Changing(() => transactions.RunAsync<IReadOnlyList<UpsertOutcome>>(
            async session =>
            {
                var now = Now;
                var outcomes = new List<UpsertOutcome>(entries.Count);
                foreach (var entry in entries)
                {
                    outcomes.Add(await UpsertAsync(session, entry, now, cancellationToken));
                }

                return outcomes;
            },
            cancellationToken));

    public async Task<Page<KnowledgeEntry>> ListAsync(KnowledgeQuery query, CancellationToken cancellationToken = default)
    {
        var after = query.Cursor is null ? null : KnowledgeCursor.Decode(query.Cursor);
        var items = await Collection.Find(ListFilter(query, after)).SortBy(k => k.Id).Limit(query.Limit).ToListAsync(cancellationToken);
        return new Page<KnowledgeEntry>(items, items.Count < query.Limit ? null : KnowledgeCursor.Encode(items[^1].Id));
    }

    public async Task<IReadOnlyList<KnowledgeEntry>> ListByOutcomeAsync(string outcome, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.Eq(k => k.Outcome, outcome)).SortBy(k => k.Id).ToListAsync(cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        Collection.CountDocumentsAsync(Filter.Empty, cancellationToken: cancellationToken);

    internal static FilterDefinition<KnowledgeEntry> ListFilter(KnowledgeQuery query, string? afterId)
    {
        var filter = Filter.Empty;
        filter = query.StimulusType is { } stimulus ? filter & Filter.Eq(k => k.StimulusType, stimulus) : filter;
        filter = query.Outcome is { } outcome ? filter & Filter.Eq(k => k.Outcome, outcome) : filter;
        return afterId is null ? filter : filter & Filter.Gt(k => k.Id, afterId);
    }

    private async Task<UpsertOutcome> UpsertAsync(IClientSessionHandle session, KnowledgeEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        var stored = await Collection.Find(session, Filter.Eq(k => k.NaturalKey, entry.NaturalKey)).FirstOrDefaultAsync(cancellationToken);
        var outcome = KnowledgeContent.PrepareUpsert(stored, entry, now);
        if (outcome == UpsertOutcome.Added)
        {
            await Collection.InsertOneAsync(session, entry, cancellationToken: cancellationToken);
        }
        else if (outcome == UpsertOutcome.Updated)
        {
            await Collection.ReplaceOneAsync(session, Filter.Eq(k => k.Id, entry.Id), entry, cancellationToken: cancellationToken);
        }

        return outcome;
    }

    private async Task<T> Changing<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (MongoWriteException exception) when (IsDuplicateKey(exception))
        {
            throw new DuplicateKeyException("brain_knowledge", "natural key", exception);
        }
        finally
        {
            Interlocked.Increment(ref changeToken);
        }
    }
}
