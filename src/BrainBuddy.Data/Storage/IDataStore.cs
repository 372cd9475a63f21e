namespace BrainBuddy.Data.Storage;

/// <summary>Operations that span collections or concern the store itself.</summary>
public interface IDataStore
{
    /// <summary>"mongodb" or "embedded", for logs and health output.</summary>
    string Backend { get; }

    /// <summary>Creates tables, collections and indexes if they are missing. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the store answers a trivial query.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the user and everything that belongs to them, in one transaction where the backend supports it.</summary>
    Task EraseUserAsync(string userId, CancellationToken cancellationToken = default);
}
