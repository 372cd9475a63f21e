using System.Runtime.CompilerServices;
using BrainBuddy.Data.UserModels;
using Microsoft.Data.Sqlite;
using static BrainBuddy.Data.Storage.Embedded.SqliteDatabase;

namespace BrainBuddy.Data.Storage.Embedded;

internal sealed class EmbeddedUserModelRepository(SqliteDatabase database, TimeProvider clock) : IUserModelRepository
{
    public Task<UserModel?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<UserModel?>(database.ReadOne<UserModel>("SELECT doc FROM user_models WHERE user_id = $user", ("$user", userId)));

    public async Task<bool> TryWriteAsync(UserModel model, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNowMilliseconds();
        var candidate = Copy(model);
        candidate.Version = expectedVersion + 1;
        candidate.UpdatedAt = now;
        var written = await database.WriteAsync(connection =>
        {
            if (expectedVersion == 0)
            {
                candidate.CreatedAt = now;
                return Execute(
                    connection,
                    "INSERT INTO user_models (id, user_id, version, doc) VALUES ($id, $user, $version, $doc) ON CONFLICT DO NOTHING",
                    ("$id", candidate.Id), ("$user", candidate.UserId), ("$version", candidate.Version), ("$doc", ToBlob(candidate))) == 1;
            }

            return Execute(
                connection,
                "UPDATE user_models SET version = $version, doc = $doc WHERE user_id = $user AND version = $expected",
                ("$user", candidate.UserId), ("$version", candidate.Version), ("$doc", ToBlob(candidate)), ("$expected", expectedVersion)) == 1;
        }, cancellationToken);
        if (written)
        {
            model.Version = candidate.Version;
            model.UpdatedAt = candidate.UpdatedAt;
            model.CreatedAt = candidate.CreatedAt == default ? model.CreatedAt : candidate.CreatedAt;
        }

        return written;
    }

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(connection => DeleteForUser(connection, userId) > 0, cancellationToken);

    public async IAsyncEnumerable<UserModel> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = "";
        while (true)
        {
            var page = database.ReadMany<UserModel>("SELECT doc FROM user_models WHERE user_id > $after ORDER BY user_id LIMIT 200", ("$after", after));
            foreach (var model in page)
            {
                yield return model;
            }

            if (page.Count < 200)
            {
                yield break;
            }

            after = page[^1].UserId;
            await Task.Yield();
        }
    }

    internal static int DeleteForUser(SqliteConnection connection, string userId) =>
        Execute(connection, "DELETE FROM user_models WHERE user_id = $user", ("$user", userId));

    // The caller's object changes only once the write has committed.
    private static UserModel Copy(UserModel model) => MongoDB.Bson.Serialization.BsonSerializer.Deserialize<UserModel>(ToBlob(model));
}
