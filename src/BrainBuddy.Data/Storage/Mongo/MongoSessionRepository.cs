using BrainBuddy.Data.Sessions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

internal sealed class MongoSessionRepository(IMongoDatabase database, TimeProvider clock)
    : MongoRepository<TrainingSession>(database, "sessions", clock), ISessionRepository
{
    public override IEnumerable<CreateIndexModel<TrainingSession>> Indexes() =>
    [
        IndexOn(Index.Ascending(s => s.UserId), "user_id"),
        IndexOn(Index.Ascending(s => s.ModuleType), "module_type"),
        IndexOn(Index.Ascending(s => s.Timestamp), "timestamp"),
        // The main listing: one user's sessions newest first, with _id as the keyset tie-break.
        IndexOn(Index.Ascending(s => s.UserId).Descending(s => s.Timestamp).Descending(s => s.Id), "user_id_timestamp_desc"),
    ];

    public async Task<InsertResult<TrainingSession>> InsertAsync(TrainingSession session, CancellationToken cancellationToken = default)
    {
        Stamp(session);
        try
        {
            await Collection.InsertOneAsync(session, cancellationToken: cancellationToken);
            return new(InsertOutcome.Created, session);
        }
        catch (MongoWriteException exception) when (IsDuplicateKey(exception))
        {
            return await ExistingAsync(session, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<InsertResult<TrainingSession>>> InsertManyAsync(IReadOnlyList<TrainingSession> sessions, CancellationToken cancellationToken = default)
    {
        if (sessions.Count == 0)
        {
            return [];
        }

        foreach (var session in sessions)
        {
            Stamp(session);
        }

        var duplicates = new HashSet<int>();
        try
        {
            await Collection.InsertManyAsync(sessions, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException<TrainingSession> exception) when (exception.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            duplicates.UnionWith(exception.WriteErrors.Select(e => e.Index));
        }

        var results = new List<InsertResult<TrainingSession>>(sessions.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            results.Add(duplicates.Contains(i) ? await ExistingAsync(sessions[i], cancellationToken) : new(InsertOutcome.Created, sessions[i]));
        }

        return results;
    }

    public async Task<TrainingSession?> GetAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        await Collection.Find(OwnedBy(userId, id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<Page<StoredSession>> ListAsync(string userId, SessionQuery query, CancellationToken cancellationToken = default)
    {
        var documents = await Collection.Find(ListFilter(userId, query, KeysetCursor.Decode(query.Cursor)))
            .Sort(NewestFirst)
            .Limit(query.Limit)
            .As<RawBsonDocument>()
            .ToListAsync(cancellationToken);
        var items = documents.Select(ToStored).ToList();
        return new Page<StoredSession>(items, KeysetCursor.After(items, query.Limit, s => s.Timestamp, s => s.Id));
    }

    private static StoredSession ToStored(RawBsonDocument document)
    {
        using (document)
        {
            return new StoredSession(document.ToBson());
        }
    }

    public async Task<TrainingSession?> UpdateFeedbackAsync(string userId, string id, SessionFeedback feedback, CancellationToken cancellationToken = default) =>
        await Collection.FindOneAndUpdateAsync(
            OwnedBy(userId, id),
            FeedbackUpdate(feedback, Now),
            new FindOneAndUpdateOptions<TrainingSession> { ReturnDocument = ReturnDocument.After },
            cancellationToken);

    public async Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        (await Collection.DeleteOneAsync(OwnedBy(userId, id), cancellationToken)).DeletedCount == 1;

    public async Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        (await Collection.DeleteManyAsync(Filter.Eq(s => s.UserId, userId), cancellationToken)).DeletedCount;

    public async Task<IReadOnlyList<ModuleStats>> GetStatsAsync(string userId, DateTime? since, DateTime? until, CancellationToken cancellationToken = default)
    {
        var rows = await Collection.Aggregate<BsonDocument>(StatsPipeline(userId, since, until), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return rows.Select(row => new ModuleStats(
            EnumName.Parse<Data.ModuleType>(row["_id"].AsString),
            row["count"].ToInt64(),
            row["avg_user_rating"].IsBsonNull ? null : row["avg_user_rating"].ToDouble(),
            row["avg_effectiveness_score"].IsBsonNull ? null : row["avg_effectiveness_score"].ToDouble(),
            row["total_duration_seconds"].ToInt64())).ToList();
    }

    public async Task<IReadOnlyList<LabelledSession>> ListLabelledAsync(string userId, CancellationToken cancellationToken = default)
    {
        var sessions = await Collection.Find(LabelledFilter(userId))
            .Project<TrainingSession>(TrainingFields)
            .Sort(Sort.Ascending(s => s.Timestamp).Ascending(s => s.Id))
            .ToListAsync(cancellationToken);
        return sessions.Select(LabelledSessions.From).ToList();
    }

    public async Task<IReadOnlyDictionary<string, DateTime>> GetLatestLabelledChangeByUserAsync(CancellationToken cancellationToken = default)
    {
        var rows = await Collection.Aggregate<BsonDocument>(LatestLabelledChangePipeline(), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row["_id"].AsObjectId.ToString(), row => row["latest"].ToUniversalTime(), StringComparer.Ordinal);
    }

    internal static FilterDefinition<TrainingSession> OwnedBy(string userId, string id) =>
        Filter.Eq(s => s.Id, id) & Filter.Eq(s => s.UserId, userId);

    internal static readonly SortDefinition<TrainingSession> NewestFirst = Sort.Descending(s => s.Timestamp).Descending(s => s.Id);

    internal static FilterDefinition<TrainingSession> ListFilter(string userId, SessionQuery query, KeysetCursor? after)
    {
        var filter = Filter.Eq(s => s.UserId, userId);
        if (query.ModuleType is { } module)
        {
            filter &= Filter.Eq(s => s.ModuleType, module);
        }

        if (query.Since is { } since)
        {
            filter &= Filter.Gte(s => s.Timestamp, since);
        }

        if (query.Until is { } until)
        {
            filter &= Filter.Lt(s => s.Timestamp, until);
        }

        if (after is { } position)
        {
            filter &= OlderThan(s => s.Timestamp, s => s.Id, position);
        }

        return filter;
    }

    internal static UpdateDefinition<TrainingSession> FeedbackUpdate(SessionFeedback feedback, DateTime now)
    {
        var update = Update.Set(s => s.UpdatedAt, now);
        if (feedback.UserRating is { } rating)
        {
            update = update.Set(s => s.UserRating, rating);
        }

        if (feedback.EffectivenessScore is { } score)
        {
            update = update.Set(s => s.EffectivenessScore, score);
        }

        return update;
    }

    internal static FilterDefinition<TrainingSession> LabelledFilter(string? userId)
    {
        var labelled = Filter.Ne(s => s.UserRating, null) | Filter.Ne(s => s.EffectivenessScore, null);
        return userId is null ? labelled : Filter.Eq(s => s.UserId, userId) & labelled;
    }

    internal static readonly ProjectionDefinition<TrainingSession> TrainingFields = Projection
        .Include(s => s.ModuleType).Include(s => s.BrainwaveTarget).Include(s => s.GeneratedContent).Include(s => s.DurationSeconds)
        .Include(s => s.Timestamp).Include(s => s.UserRating).Include(s => s.EffectivenessScore).Include(s => s.UserId);

    internal static PipelineDefinition<TrainingSession, BsonDocument> StatsPipeline(string userId, DateTime? since, DateTime? until) =>
        new EmptyPipelineDefinition<TrainingSession>()
            .Match(ListFilter(userId, new SessionQuery(Since: since, Until: until), after: null))
            .Group(new BsonDocument
            {
                ["_id"] = "$module_type",
                ["count"] = new BsonDocument("$sum", 1),
                ["avg_user_rating"] = new BsonDocument("$avg", "$user_rating"),
                ["avg_effectiveness_score"] = new BsonDocument("$avg", "$effectiveness_score"),
                ["total_duration_seconds"] = new BsonDocument("$sum", "$duration_seconds"),
            })
            .Sort(new BsonDocument("_id", 1));

    internal static PipelineDefinition<TrainingSession, BsonDocument> LatestLabelledChangePipeline() =>
        new EmptyPipelineDefinition<TrainingSession>()
            .Match(LabelledFilter(userId: null))
            .Group(new BsonDocument { ["_id"] = "$user_id", ["latest"] = new BsonDocument("$max", "$updated_at") });

    private async Task<InsertResult<TrainingSession>> ExistingAsync(TrainingSession session, CancellationToken cancellationToken)
    {
        var stored = await Collection.Find(Filter.Eq(s => s.Id, session.Id)).SingleAsync(cancellationToken);
        return stored.UserId == session.UserId
            ? new(InsertOutcome.AlreadyExists, stored)
            : throw new DuplicateKeyException("sessions", "id");
    }

    private void Stamp(TrainingSession session) => session.CreatedAt = session.UpdatedAt = Now;
}
