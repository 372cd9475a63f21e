using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>A reader connection borrowed from <see cref="SqliteDatabase"/>; dispose to give it back.</summary>
public readonly struct ReaderLease(SqliteDatabase owner, SqliteConnection connection) : IDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public void Dispose() => owner.Return(Connection);
}
