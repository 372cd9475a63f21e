using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Storage.Embedded;

namespace BrainBuddy.Training.Tests.Knowledge;

/// <summary>A real embedded store in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TemporaryKnowledgeStore : IAsyncDisposable
{
    private readonly List<EmbeddedStorage> opened = [];

    public TemporaryKnowledgeStore(TimeProvider? clock = null)
    {
        Folder = Directory.CreateTempSubdirectory("brainbuddy-knowledge-").FullName;
        Storage = Open(clock);
    }

    public string Folder { get; }

    public EmbeddedStorage Storage { get; }

    public IKnowledgeRepository Knowledge => Storage.Knowledge;

    /// <summary>Another process's view of the same file: its change token does not see this one's writes.</summary>
    public EmbeddedStorage Open(TimeProvider? clock = null)
    {
        var storage = EmbeddedStorage.Open(Path.Combine(Folder, "brainbuddy.db"), fullSync: false, clock);
        opened.Add(storage);
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in opened)
        {
            await storage.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
