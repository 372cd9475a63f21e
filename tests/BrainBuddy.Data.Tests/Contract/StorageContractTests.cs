using BrainBuddy.Data.Storage;

namespace BrainBuddy.Data.Tests.Contract;

/// <summary>
/// The behaviour every backend must show. Each concrete subclass supplies a fresh, empty store per test class
/// instance and removes it afterwards.
/// </summary>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    private IStorage? storage;

    protected IStorage Sut => storage ?? throw new InvalidOperationException("The store was not opened.");

    /// <summary>Opens a fresh, empty store (skips the test when the backend is not configured).</summary>
    protected abstract Task<IStorage> OpenAsync();

    /// <summary>Removes what <see cref="OpenAsync"/> created.</summary>
    protected abstract Task RemoveAsync(IStorage opened);

    /// <summary>Whether multi-document writes are atomic on this deployment.</summary>
    protected virtual bool SupportsTransactions => true;

    public async ValueTask InitializeAsync()
    {
        storage = await OpenAsync();
        await storage.InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (storage is not null)
        {
            await RemoveAsync(storage);
            await storage.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static string NewId() => MongoDB.Bson.ObjectId.GenerateNewId().ToString();
}
