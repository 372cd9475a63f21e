using BrainBuddy.Data.UserModels;

namespace BrainBuddy.Training.Tests.Personalization.Support;

/// <summary>Makes the first read of each of two trainers wait for the other, so both train on the same version and race to write.</summary>
public sealed class ReadTogetherRepository(IUserModelRepository inner, Barrier barrier) : IUserModelRepository
{
    private int reads;

    public async Task<UserModel?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var model = await inner.GetAsync(userId, cancellationToken);
        if (Interlocked.Increment(ref reads) <= barrier.ParticipantCount)
        {
            barrier.SignalAndWait(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return model;
    }

    public Task<bool> TryWriteAsync(UserModel model, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.TryWriteAsync(model, expectedVersion, cancellationToken);

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default) => inner.DeleteAsync(userId, cancellationToken);

    public IAsyncEnumerable<UserModel> ListAllAsync(CancellationToken cancellationToken = default) => inner.ListAllAsync(cancellationToken);
}
