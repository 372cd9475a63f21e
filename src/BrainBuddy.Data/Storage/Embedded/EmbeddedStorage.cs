using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage.Metrics;
using BrainBuddy.Data.Storage.Transfer;
using BrainBuddy.Data.UserModels;
using BrainBuddy.Data.Users;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>The embedded default: every repository over one SQLite file.</summary>
public sealed class EmbeddedStorage : IStorage
{
    private EmbeddedStorage(SqliteDatabase database, TimeProvider clock)
    {
        Database = database;
        Users = TimedRepository<IUserRepository>.Wrap(new EmbeddedUserRepository(database, clock), Backend, StorageCollections.Users);
        Roles = TimedRepository<IRoleRepository>.Wrap(new EmbeddedRoleRepository(database, clock), Backend, StorageCollections.Roles);
        Sessions = TimedRepository<ISessionRepository>.Wrap(new EmbeddedSessionRepository(database, clock), Backend, StorageCollections.Sessions);
        Habits = TimedRepository<IHabitRepository>.Wrap(new EmbeddedHabitRepository(database, clock), Backend, StorageCollections.Habits);
        Knowledge = TimedRepository<IKnowledgeRepository>.Wrap(new EmbeddedKnowledgeRepository(database, clock), Backend, StorageCollections.Knowledge);
        UserModels = TimedRepository<IUserModelRepository>.Wrap(new EmbeddedUserModelRepository(database, clock), Backend, StorageCollections.UserModels);
        Audit = TimedRepository<IAuditRepository>.Wrap(new EmbeddedAuditRepository(database, clock), Backend, StorageCollections.AuditEvents);
        Documents = new EmbeddedRawDocuments(database);
    }

    public string Backend => "embedded";

    public SqliteDatabase Database { get; }

    public IUserRepository Users { get; }

    public IRoleRepository Roles { get; }

    public ISessionRepository Sessions { get; }

    public IHabitRepository Habits { get; }

    public IKnowledgeRepository Knowledge { get; }

    public IUserModelRepository UserModels { get; }

    public IAuditRepository Audit { get; }

    public IRawDocuments Documents { get; }

    /// <summary>Opens (and creates, if missing) the database file with its schema.</summary>
    public static EmbeddedStorage Open(string databaseFilePath, bool fullSync = true, TimeProvider? clock = null)
    {
        BsonConfiguration.Register();
        var storage = new EmbeddedStorage(new SqliteDatabase(databaseFilePath, fullSync), clock ?? TimeProvider.System);
        storage.InitializeAsync().GetAwaiter().GetResult();
        return storage;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        Database.WriteAsync(connection =>
        {
            EmbeddedSchema.Apply(connection);
            return true;
        }, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        using var reader = Database.OpenReader();
        var connection = reader.Connection;
        return Task.FromResult(SqliteDatabase.Scalar(connection, "SELECT version FROM schema_version") is long);
    }

    public Task EraseUserAsync(string userId, CancellationToken cancellationToken = default) =>
        Database.WriteAsync(connection =>
        {
            EmbeddedSessionRepository.DeleteAllForUser(connection, userId);
            EmbeddedHabitRepository.DeleteAllForUser(connection, userId);
            EmbeddedUserModelRepository.DeleteForUser(connection, userId);
            EmbeddedUserRepository.Delete(connection, userId);
            return true;
        }, cancellationToken);

    public void Dispose() => Database.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
