using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Data.Storage.Mongo;
using BrainBuddy.Data.Storage.Transfer;
using BrainBuddy.Data.Tests.Contract;

namespace BrainBuddy.Data.Tests.Mongo;

/// <summary>A whole database moved from the embedded store into MongoDB and out again, when BRAINBUDDY_TEST_MONGODB_URL names a server.</summary>
public sealed class CrossBackendTransferTests
{
    [Fact]
    public async Task Should_move_an_embedded_database_into_mongodb_and_export_it_byte_for_byte_alike()
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(MongoStorageContractTests.Url), "BRAINBUDDY_TEST_MONGODB_URL is not set.");
        var ct = TestContext.Current.CancellationToken;
        var folders = new[] { StorageContractTests.TemporaryFolder(), StorageContractTests.TemporaryFolder() };
        var embedded = EmbeddedStorage.Open(Path.Combine(folders[0], "db", "brainbuddy.db"));
        var mongo = new MongoStorage(MongoStorageContractTests.Url!, $"brain_buddy_test_{Guid.NewGuid():N}");
        try
        {
            await mongo.InitializeAsync(ct);
            var user = await StorageContractTests.FillEveryCollectionAsync(embedded);

            await JsonTransfer.ExportAsync(embedded.Documents, folders[0], ct);
            await JsonTransfer.ImportAsync(mongo.Documents, folders[0], ct);
            await JsonTransfer.ExportAsync(mongo.Documents, folders[1], ct);

            foreach (var collection in StorageCollections.All)
            {
                Assert.Equal(File.ReadAllBytes(JsonTransfer.FileOf(folders[0], collection)), File.ReadAllBytes(JsonTransfer.FileOf(folders[1], collection)));
            }

            Assert.Equal(3, (await mongo.Sessions.ListAsync(user.Id, new Sessions.SessionQuery(), ct)).Items.Count);
        }
        finally
        {
            await mongo.Client.DropDatabaseAsync(mongo.Database.DatabaseNamespace.DatabaseName, ct);
            mongo.Dispose();
            embedded.Dispose();
            Array.ForEach(folders, folder => Directory.Delete(folder, recursive: true));
        }
    }
}
