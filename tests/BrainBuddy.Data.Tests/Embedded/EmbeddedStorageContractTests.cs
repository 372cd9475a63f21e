using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Data.Tests.Contract;

namespace BrainBuddy.Data.Tests.Embedded;

public sealed class EmbeddedStorageContractTests : StorageContractTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-tests", Guid.NewGuid().ToString("N"));

    protected override Task<IStorage> OpenAsync() =>
        Task.FromResult<IStorage>(EmbeddedStorage.Open(Path.Combine(directory, "brainbuddy.db")));

    protected override Task RemoveAsync(IStorage opened)
    {
        opened.Dispose();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
