namespace BrainBuddy.Data.Users;

public interface IUserRepository
{
    /// <exception cref="Storage.DuplicateKeyException">The email is taken.</exception>
    Task InsertAsync(User user, CancellationToken cancellationToken = default);

    Task<User?> GetByIdAsync(string id, CancellationToken cancellationToken = default);

    Task<User?> GetByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default);

    /// <summary>Replaces the user if its stored concurrency stamp is still <paramref name="expectedConcurrencyStamp"/>.</summary>
    /// <returns>false when someone else changed the user first (or it no longer exists).</returns>
    /// <exception cref="Storage.DuplicateKeyException">The new email is taken.</exception>
    Task<bool> ReplaceAsync(User user, string expectedConcurrencyStamp, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<User>> ListInRoleAsync(string role, CancellationToken cancellationToken = default);

    /// <summary>Every user, in id order, for jobs and exports.</summary>
    IAsyncEnumerable<User> ListAllAsync(CancellationToken cancellationToken = default);
}

public interface IRoleRepository
{
    /// <exception cref="Storage.DuplicateKeyException">The role name is taken.</exception>
    Task InsertAsync(Role role, CancellationToken cancellationToken = default);

    Task<Role?> GetByIdAsync(string id, CancellationToken cancellationToken = default);

    Task<Role?> GetByNameAsync(string normalizedName, CancellationToken cancellationToken = default);

    Task<bool> ReplaceAsync(Role role, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
