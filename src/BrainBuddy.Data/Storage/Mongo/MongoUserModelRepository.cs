using BrainBuddy.Data.UserModels;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

internal sealed class MongoUserModelRepository(IMongoDatabase database, TimeProvider clock)
    : MongoRepository<UserModel>(database, "user_models", clock), IUserModelRepository
{
    public override IEnumerable<CreateIndexModel<UserModel>> Indexes() =>
    [
        IndexOn(Index.Ascending(m => m.UserId), "user_id_unique", unique: true),
    ];

    public async Task<UserModel?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.Eq(m => m.UserId, userId)).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> TryWriteAsync(UserModel model, long expectedVersion, CancellationToken cancellationToken = default)
    {
        // The caller's object changes only once the write has landed.
        var candidate = BsonSerializer.Deserialize<UserModel>(MongoDB.Bson.BsonExtensionMethods.ToBson(model));
        candidate.Version = expectedVersion + 1;
        candidate.UpdatedAt = Now;
        bool written;
        if (expectedVersion == 0)
        {
            candidate.CreatedAt = candidate.UpdatedAt;
            try
            {
                await Collection.InsertOneAsync(candidate, cancellationToken: cancellationToken);
                written = true;
            }
            catch (MongoWriteException exception) when (IsDuplicateKey(exception))
            {
                written = false;
            }
        }
        else
        {
            var result = await Collection.ReplaceOneAsync(VersionFilter(model.UserId, expectedVersion), candidate, cancellationToken: cancellationToken);
            written = result.MatchedCount == 1;
        }

        if (written)
        {
            model.Version = candidate.Version;
            model.UpdatedAt = candidate.UpdatedAt;
            model.CreatedAt = candidate.CreatedAt;
        }

        return written;
    }

    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
        (await Collection.DeleteOneAsync(Filter.Eq(m => m.UserId, userId), cancellationToken)).DeletedCount == 1;

    public IAsyncEnumerable<UserModel> ListAllAsync(CancellationToken cancellationToken = default) => StreamAsync(Sort.Ascending(m => m.UserId), cancellationToken);

    /// <summary>Compare-and-swap: matches only the version the writer read.</summary>
    internal static FilterDefinition<UserModel> VersionFilter(string userId, long expectedVersion) =>
        Filter.Eq(m => m.UserId, userId) & Filter.Eq(m => m.Version, expectedVersion);
}
