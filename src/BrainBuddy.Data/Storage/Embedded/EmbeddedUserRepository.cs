using System.Runtime.CompilerServices;
using BrainBuddy.Data.Users;
using Microsoft.Data.Sqlite;
using static BrainBuddy.Data.Storage.Embedded.SqliteDatabase;

namespace BrainBuddy.Data.Storage.Embedded;

internal sealed class EmbeddedUserRepository(SqliteDatabase database, TimeProvider clock) : IUserRepository
{
    public Task InsertAsync(User user, CancellationToken cancellationToken = default)
    {
        user.CreatedAt = user.UpdatedAt = clock.UtcNowMilliseconds();
        return database.WriteAsync(connection =>
        {
            WithUniqueEmail(() => Execute(connection, "INSERT INTO users (id, email, doc) VALUES ($id, $email, $doc)", ("$id", user.Id), ("$email", user.Email), ("$doc", ToBlob(user))));
            SetRoles(connection, user);
            return true;
        }, cancellationToken);
    }

    public Task<User?> GetByIdAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<User?>(database.ReadOne<User>("SELECT doc FROM users WHERE id = $id", ("$id", id)));

    public Task<User?> GetByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        Task.FromResult<User?>(database.ReadOne<User>("SELECT doc FROM users WHERE email = $email", ("$email", normalizedEmail)));

    public Task<bool> ReplaceAsync(User user, string expectedConcurrencyStamp, CancellationToken cancellationToken = default)
    {
        user.UpdatedAt = clock.UtcNowMilliseconds();
        return database.WriteAsync(connection =>
        {
            var stored = QueryDocuments<User>(connection, "SELECT doc FROM users WHERE id = $id", ("$id", user.Id)).FirstOrDefault();
            if (stored?.ConcurrencyStamp != expectedConcurrencyStamp)
            {
                return false;
            }

            WithUniqueEmail(() => Execute(connection, "UPDATE users SET email = $email, doc = $doc WHERE id = $id", ("$id", user.Id), ("$email", user.Email), ("$doc", ToBlob(user))));
            SetRoles(connection, user);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<User>> ListInRoleAsync(string role, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<User>>(database.ReadMany<User>(
            "SELECT u.doc FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.role = $role ORDER BY u.id", ("$role", role)));

    public async IAsyncEnumerable<User> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = "";
        while (true)
        {
            // Pages of 500 keep no reader open across the caller's awaits.
            var page = database.ReadMany<User>("SELECT doc FROM users WHERE id > $after ORDER BY id LIMIT 500", ("$after", after));
            foreach (var user in page)
            {
                yield return user;
            }

            if (page.Count < 500)
            {
                yield break;
            }

            after = page[^1].Id;
            await Task.Yield();
        }
    }

    internal static void Delete(SqliteConnection connection, string userId)
    {
        Execute(connection, "DELETE FROM user_roles WHERE user_id = $id", ("$id", userId));
        Execute(connection, "DELETE FROM users WHERE id = $id", ("$id", userId));
    }

    internal static void SetRoles(SqliteConnection connection, User user)
    {
        Execute(connection, "DELETE FROM user_roles WHERE user_id = $id", ("$id", user.Id));
        foreach (var role in user.Roles.Distinct(StringComparer.Ordinal))
        {
            Execute(connection, "INSERT INTO user_roles (role, user_id) VALUES ($role, $id)", ("$role", role), ("$id", user.Id));
        }
    }

    private static void WithUniqueEmail(Action write)
    {
        try
        {
            write();
        }
        catch (SqliteException exception) when (IsUniqueViolation(exception))
        {
            throw new DuplicateKeyException("users", "email", exception);
        }
    }
}

internal sealed class EmbeddedRoleRepository(SqliteDatabase database, TimeProvider clock) : IRoleRepository
{
    public Task InsertAsync(Role role, CancellationToken cancellationToken = default)
    {
        role.CreatedAt = role.UpdatedAt = clock.UtcNowMilliseconds();
        return database.WriteAsync(connection => Write(connection, "INSERT INTO roles (id, normalized_name, doc) VALUES ($id, $name, $doc)", role), cancellationToken);
    }

    public Task<Role?> GetByIdAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Role?>(database.ReadOne<Role>("SELECT doc FROM roles WHERE id = $id", ("$id", id)));

    public Task<Role?> GetByNameAsync(string normalizedName, CancellationToken cancellationToken = default) =>
        Task.FromResult<Role?>(database.ReadOne<Role>("SELECT doc FROM roles WHERE normalized_name = $name", ("$name", normalizedName)));

    public Task<bool> ReplaceAsync(Role role, CancellationToken cancellationToken = default)
    {
        role.UpdatedAt = clock.UtcNowMilliseconds();
        return database.WriteAsync(connection => Write(connection, "UPDATE roles SET normalized_name = $name, doc = $doc WHERE id = $id", role), cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(connection => Execute(connection, "DELETE FROM roles WHERE id = $id", ("$id", id)) > 0, cancellationToken);

    private static bool Write(SqliteConnection connection, string sql, Role role)
    {
        try
        {
            return Execute(connection, sql, ("$id", role.Id), ("$name", role.NormalizedName), ("$doc", ToBlob(role))) > 0;
        }
        catch (SqliteException exception) when (IsUniqueViolation(exception))
        {
            throw new DuplicateKeyException("roles", "name", exception);
        }
    }
}
