using BrainBuddy.Data.Habits;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

internal sealed class MongoHabitRepository(IMongoDatabase database, TimeProvider clock)
    : MongoRepository<Habit>(database, "habits", clock), IHabitRepository
{
    private static readonly FindOneAndUpdateOptions<Habit> ReturnAfter = new() { ReturnDocument = ReturnDocument.After };

    public override IEnumerable<CreateIndexModel<Habit>> Indexes() =>
    [
        IndexOn(Index.Ascending(h => h.UserId), "user_id"),
        IndexOn(Index.Ascending(h => h.HabitType), "habit_type"),
        IndexOn(Index.Ascending(h => h.UserId).Descending(h => h.CreatedAt).Descending(h => h.Id), "user_id_created_at_desc"),
    ];

    public async Task<InsertResult<Habit>> InsertAsync(Habit habit, CancellationToken cancellationToken = default)
    {
        habit.CreatedAt = habit.UpdatedAt = Now;
        try
        {
            await Collection.InsertOneAsync(habit, cancellationToken: cancellationToken);
            return new(InsertOutcome.Created, habit);
        }
        catch (MongoWriteException exception) when (IsDuplicateKey(exception))
        {
            var stored = await GetAsync(habit.UserId, habit.Id, cancellationToken);
            return stored is not null ? new(InsertOutcome.AlreadyExists, stored) : throw new DuplicateKeyException("habits", "id", exception);
        }
    }

    public async Task<Habit?> GetAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        await Collection.Find(OwnedBy(userId, id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<Page<Habit>> ListAsync(string userId, HabitQuery query, CancellationToken cancellationToken = default)
    {
        var items = await Collection.Find(ListFilter(userId, query, KeysetCursor.Decode(query.Cursor)))
            .Sort(Sort.Descending(h => h.CreatedAt).Descending(h => h.Id))
            .Limit(query.Limit)
            .ToListAsync(cancellationToken);
        return new Page<Habit>(items, KeysetCursor.After(items, query.Limit, h => h.CreatedAt, h => h.Id));
    }

    public async Task<Habit?> UpdateAsync(string userId, string id, HabitChanges changes, CancellationToken cancellationToken = default) =>
        await Collection.FindOneAndUpdateAsync(OwnedBy(userId, id), ChangesUpdate(changes, Now), ReturnAfter, cancellationToken);

    public async Task<Habit?> RecordAttemptAsync(string userId, string id, bool success, DateTime at, CancellationToken cancellationToken = default) =>
        await Collection.FindOneAndUpdateAsync(OwnedBy(userId, id), AttemptUpdate(success, at, Now), ReturnAfter, cancellationToken);

    public async Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        (await Collection.DeleteOneAsync(OwnedBy(userId, id), cancellationToken)).DeletedCount == 1;

    public async Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        (await Collection.DeleteManyAsync(Filter.Eq(h => h.UserId, userId), cancellationToken)).DeletedCount;

    internal static FilterDefinition<Habit> OwnedBy(string userId, string id) =>
        Filter.Eq(h => h.Id, id) & Filter.Eq(h => h.UserId, userId);

    internal static FilterDefinition<Habit> ListFilter(string userId, HabitQuery query, KeysetCursor? after)
    {
        var filter = Filter.Eq(h => h.UserId, userId);
        if (query.HabitType is { } type)
        {
            filter &= Filter.Eq(h => h.HabitType, type);
        }

        if (after is { } position)
        {
            filter &= OlderThan(h => h.CreatedAt, h => h.Id, position);
        }

        return filter;
    }

    internal static UpdateDefinition<Habit> ChangesUpdate(HabitChanges changes, DateTime now)
    {
        var update = Update.Set(h => h.UpdatedAt, now);
        update = changes.HabitType is { } type ? update.Set(h => h.HabitType, type) : update;
        update = changes.Trigger is { } trigger ? update.Set(h => h.Trigger, trigger) : update;
        update = changes.Routine is { } routine ? update.Set(h => h.Routine, routine) : update;
        update = changes.Reward is { } reward ? update.Set(h => h.Reward, reward) : update;
        return changes.InterruptProtocol is { } protocol ? update.Set(h => h.InterruptProtocol, protocol) : update;
    }

    /// <summary>
    /// <see cref="HabitAttempts.Apply"/> as one atomic update pipeline: the server computes every count from the
    /// stored values, so concurrent attempts never overwrite each other.
    /// </summary>
    internal static UpdateDefinition<Habit> AttemptUpdate(bool success, DateTime at, DateTime now)
    {
        var counts = new BsonDocument
        {
            ["attempt_count"] = new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$attempt_count", 0 }), 1 }),
            ["success_count"] = new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$success_count", 0 }), success ? 1 : 0 }),
            ["current_streak"] = success
                ? new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$current_streak", 0 }), 1 })
                : 0,
            ["last_attempt_at"] = new BsonDocument("$max", new BsonArray { "$last_attempt_at", at }),
            ["updated_at"] = now,
        };
        var best = new BsonDocument("best_streak", new BsonDocument("$max", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$best_streak", 0 }), "$current_streak" }));
        return Update.Pipeline(new BsonDocument[] { new("$set", counts), new("$set", best) });
    }
}
