using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Data.Tests.Contract;

namespace BrainBuddy.Data.Tests.Embedded;

public sealed class EmbeddedStorageContractTests : StorageContractTests
{
    /// <summary>Each store gets its own directory, so a test can open a second, empty one.</summary>
    protected override Task<IStorage> OpenAsync() =>
        Task.FromResult<IStorage>(EmbeddedStorage.Open(Path.Combine(Path.GetTempPath(), "brainbuddy-tests", Guid.NewGuid().ToString("N"), "brainbuddy.db")));

    protected override Task RemoveAsync(IStorage opened)
    {
        opened.Dispose();
        Directory.Delete(Path.GetDirectoryName(((EmbeddedStorage)opened).Database.Path)!, recursive: true);
        return Task.CompletedTask;
    }
}
