using System.Linq.Expressions;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

/// <summary>
/// Base of every MongoDB repository: owns the collection handle and declares its indexes in code, created
/// idempotently at start-up. Shared builders keep query code short.
/// </summary>
internal abstract class MongoRepository<T>(IMongoDatabase database, string collectionName, TimeProvider clock)
{
    protected static readonly FilterDefinitionBuilder<T> Filter = Builders<T>.Filter;
    protected static readonly UpdateDefinitionBuilder<T> Update = Builders<T>.Update;
    protected static readonly SortDefinitionBuilder<T> Sort = Builders<T>.Sort;
    protected static readonly IndexKeysDefinitionBuilder<T> Index = Builders<T>.IndexKeys;
    protected static readonly ProjectionDefinitionBuilder<T> Projection = Builders<T>.Projection;

    public IMongoCollection<T> Collection { get; } = database.GetCollection<T>(collectionName);

    protected TimeProvider Clock { get; } = clock;

    protected DateTime Now => Clock.UtcNowMilliseconds();

    /// <summary>The indexes this collection needs; MongoDB ignores a create for an index that exists with the same options.</summary>
    public abstract IEnumerable<CreateIndexModel<T>> Indexes();

    public Task CreateIndexesAsync(CancellationToken cancellationToken) =>
        Collection.Indexes.CreateManyAsync(Indexes(), cancellationToken);

    /// <summary>Newest-first keyset paging: the documents after <paramref name="position"/> in (time desc, id desc) order.</summary>
    protected static FilterDefinition<T> OlderThan(Expression<Func<T, DateTime>> time, Expression<Func<T, string>> id, KeysetCursor position) =>
        Filter.Lt(time, position.Time) | (Filter.Eq(time, position.Time) & Filter.Lt(id, position.Id));

    protected static CreateIndexModel<T> IndexOn(IndexKeysDefinition<T> keys, string name, bool unique = false) =>
        new(keys, new CreateIndexOptions { Name = name, Unique = unique });

    /// <summary>Every matching document, batch by batch, without holding them all in memory.</summary>
    protected async IAsyncEnumerable<T> StreamAsync(SortDefinition<T> sort, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = await Collection.Find(Filter.Empty).Sort(sort).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return document;
            }
        }
    }

    protected static bool IsDuplicateKey(MongoWriteException exception) =>
        exception.WriteError?.Category == ServerErrorCategory.DuplicateKey;
}
