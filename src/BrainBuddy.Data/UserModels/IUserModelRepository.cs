namespace BrainBuddy.Data.UserModels;

public interface IUserModelRepository
{
    Task<UserModel?> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compare-and-swap: writes <paramref name="model"/> only if the stored version is <paramref name="expectedVersion"/>
    /// (0: no model stored yet). On success the model's <see cref="UserModel.Version"/> becomes expectedVersion + 1.
    /// </summary>
    /// <returns>false when another writer got there first.</returns>
    Task<bool> TryWriteAsync(UserModel model, long expectedVersion, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Every stored model, for key rotation.</summary>
    IAsyncEnumerable<UserModel> ListAllAsync(CancellationToken cancellationToken = default);
}
