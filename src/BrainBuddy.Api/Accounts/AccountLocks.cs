namespace BrainBuddy.Api.Accounts;

/// <summary>
/// Serialises read-modify-write changes to one account within this instance, so concurrent requests from one user
/// queue instead of failing each other's concurrency check. A fixed set of stripes keeps memory bounded whatever the
/// number of users; two users sharing a stripe only wait for each other briefly.
/// </summary>
public sealed class AccountLocks : IDisposable
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string userId, CancellationToken cancellationToken)
    {
        var stripe = stripes[(uint)StringComparer.Ordinal.GetHashCode(userId) % (uint)stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
