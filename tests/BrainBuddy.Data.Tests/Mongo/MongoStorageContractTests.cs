using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Mongo;
using BrainBuddy.Data.Tests.Contract;
using MongoDB.Driver.Core.Clusters;

namespace BrainBuddy.Data.Tests.Mongo;

/// <summary>The same contract against a real MongoDB, when BRAINBUDDY_TEST_MONGODB_URL names one; each store is a fresh database that is dropped afterwards.</summary>
public sealed class MongoStorageContractTests : StorageContractTests
{
    private bool supportsTransactions;

    public static string? Url => Environment.GetEnvironmentVariable("BRAINBUDDY_TEST_MONGODB_URL");

    protected override bool SupportsTransactions => supportsTransactions;

    protected override async Task<IStorage> OpenAsync()
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Url), "BRAINBUDDY_TEST_MONGODB_URL is not set; the MongoDB contract runs only against a real server.");
        var storage = new MongoStorage(Url!, $"brain_buddy_test_{Guid.NewGuid():N}");
        await storage.PingAsync(TestContext.Current.CancellationToken);
        supportsTransactions = MongoTransactions.SupportsTransactions(storage.Client.Cluster.Description.Type);
        return storage;
    }

    protected override async Task RemoveAsync(IStorage opened) =>
        await ((MongoStorage)opened).Client.DropDatabaseAsync(((MongoStorage)opened).Database.DatabaseNamespace.DatabaseName);
}
