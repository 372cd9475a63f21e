using BrainBuddy.Data.Users;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

internal sealed class MongoUserRepository(IMongoDatabase database, TimeProvider clock)
    : MongoRepository<User>(database, "users", clock), IUserRepository
{
    public override IEnumerable<CreateIndexModel<User>> Indexes() =>
    [
        IndexOn(Index.Ascending(u => u.Email), "email_unique", unique: true),
        IndexOn(Index.Ascending(u => u.Roles), "roles"),
    ];

    public async Task InsertAsync(User user, CancellationToken cancellationToken = default)
    {
        user.CreatedAt = user.UpdatedAt = Now;
        try
        {
            await Collection.InsertOneAsync(user, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (IsDuplicateKey(exception))
        {
            throw new DuplicateKeyException("users", "email", exception);
        }
    }

    public async Task<User?> GetByIdAsync(string id, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.Eq(u => u.Id, id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<User?> GetByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.Eq(u => u.Email, normalizedEmail)).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> ReplaceAsync(User user, string expectedConcurrencyStamp, CancellationToken cancellationToken = default)
    {
        user.UpdatedAt = Now;
        try
        {
            var result = await Collection.ReplaceOneAsync(ReplaceFilter(user.Id, expectedConcurrencyStamp), user, cancellationToken: cancellationToken);
            return result.MatchedCount == 1;
        }
        catch (MongoWriteException exception) when (IsDuplicateKey(exception))
        {
            throw new DuplicateKeyException("users", "email", exception);
        }
    }

    public async Task<IReadOnlyList<User>> ListInRoleAsync(string role, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.AnyEq(u => u.Roles, role)).SortBy(u => u.Id).ToListAsync(cancellationToken);

    public IAsyncEnumerable<User> ListAllAsync(CancellationToken cancellationToken = default) => StreamAsync(Sort.Ascending(u => u.Id), cancellationToken);

    /// <summary>Matches only if nobody changed the user since it was read.</summary>
    internal static FilterDefinition<User> ReplaceFilter(string id, string expectedConcurrencyStamp) =>
        Filter.Eq(u => u.Id, id) & Filter.Eq(u => u.ConcurrencyStamp, expectedConcurrencyStamp);
}

internal sealed class MongoRoleRepository(IMongoDatabase database, TimeProvider clock)
    : MongoRepository<Role>(database, "roles", clock), IRoleRepository
{
    public override IEnumerable<CreateIndexModel<Role>> Indexes() =>
    [
        IndexOn(Index.Ascending(r => r.NormalizedName), "normalized_name_unique", unique: true),
    ];

    public async Task InsertAsync(Role role, CancellationToken cancellationToken = default)
    {
        role.CreatedAt = role.UpdatedAt = Now;
        try
        {
            await Collection.InsertOneAsync(role, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (IsDuplicateKey(exception))
        {
            throw new DuplicateKeyException("roles", "name", exception);
        }
    }

    public async Task<Role?> GetByIdAsync(string id, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.Eq(r => r.Id, id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<Role?> GetByNameAsync(string normalizedName, CancellationToken cancellationToken = default) =>
        await Collection.Find(Filter.Eq(r => r.NormalizedName, normalizedName)).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> ReplaceAsync(Role role, CancellationToken cancellationToken = default)
    {
        role.UpdatedAt = Now;
        try
        {
            return (await Collection.ReplaceOneAsync(Filter.Eq(r => r.Id, role.Id), role, cancellationToken: cancellationToken)).MatchedCount == 1;
        }
        catch (MongoWriteException exception) when (IsDuplicateKey(exception))
        {
            throw new DuplicateKeyException("roles", "name", exception);
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        (await Collection.DeleteOneAsync(Filter.Eq(r => r.Id, id), cancellationToken)).DeletedCount == 1;
}
