using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage.Metrics;
using BrainBuddy.Data.Storage.Transfer;
using BrainBuddy.Data.UserModels;
using BrainBuddy.Data.Users;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

/// <summary>The production store: every repository over one MongoDB database.</summary>
public sealed class MongoStorage : IStorage
{
    private readonly MongoTransactions transactions;
    private readonly MongoUserRepository users;
    private readonly MongoRoleRepository roles;
    private readonly MongoSessionRepository sessions;
    private readonly MongoHabitRepository habits;
    private readonly MongoKnowledgeRepository knowledge;
    private readonly MongoUserModelRepository userModels;
    private readonly MongoAuditRepository audit;

    /// <param name="url">A mongodb:// or mongodb+srv:// URL; pool size and timeouts come from its options.</param>
    public MongoStorage(string url, string databaseName, TimeProvider? clock = null)
    {
        BsonConfiguration.Register();
        clock ??= TimeProvider.System;
        Client = new MongoClient(Settings(url));
        Database = Client.GetDatabase(databaseName);
        transactions = new MongoTransactions(Client);
        users = new MongoUserRepository(Database, clock);
        roles = new MongoRoleRepository(Database, clock);
        sessions = new MongoSessionRepository(Database, clock);
        habits = new MongoHabitRepository(Database, clock);
        knowledge = new MongoKnowledgeRepository(Database, transactions, clock);
        userModels = new MongoUserModelRepository(Database, clock);
        audit = new MongoAuditRepository(Database, clock);
        Documents = new MongoRawDocuments(Database);
        Users = TimedRepository<IUserRepository>.Wrap(users, Backend, StorageCollections.Users);
        Roles = TimedRepository<IRoleRepository>.Wrap(roles, Backend, StorageCollections.Roles);
        Sessions = TimedRepository<ISessionRepository>.Wrap(sessions, Backend, StorageCollections.Sessions);
        Habits = TimedRepository<IHabitRepository>.Wrap(habits, Backend, StorageCollections.Habits);
        Knowledge = TimedRepository<IKnowledgeRepository>.Wrap(knowledge, Backend, StorageCollections.Knowledge);
        UserModels = TimedRepository<IUserModelRepository>.Wrap(userModels, Backend, StorageCollections.UserModels);
        Audit = TimedRepository<IAuditRepository>.Wrap(audit, Backend, StorageCollections.AuditEvents);
    }

    public string Backend => "mongodb";

    public MongoClient Client { get; }

    public IMongoDatabase Database { get; }

    public IUserRepository Users { get; }

    public IRoleRepository Roles { get; }

    public ISessionRepository Sessions { get; }

    public IHabitRepository Habits { get; }

    public IKnowledgeRepository Knowledge { get; }

    public IUserModelRepository UserModels { get; }

    public IAuditRepository Audit { get; }

    public IRawDocuments Documents { get; }

    public static MongoClientSettings Settings(string url)
    {
        var settings = MongoClientSettings.FromConnectionString(url);
        settings.RetryWrites = true;
        settings.RetryReads = true;
        settings.ApplicationName ??= "brain-buddy";
        settings.ClusterConfigurator = MongoPoolMetrics.Subscribe;
        return settings;
    }

    /// <summary>Host list and database of a URL without its credentials, for logs.</summary>
    public static string Describe(string url)
    {
        var parsed = new MongoUrl(url);
        return $"{parsed.Scheme switch { MongoDB.Driver.Core.Configuration.ConnectionStringScheme.MongoDBPlusSrv => "mongodb+srv", _ => "mongodb" }}://{string.Join(',', parsed.Servers.Select(s => s.ToString()))}";
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await users.CreateIndexesAsync(cancellationToken);
        await roles.CreateIndexesAsync(cancellationToken);
        await sessions.CreateIndexesAsync(cancellationToken);
        await habits.CreateIndexesAsync(cancellationToken);
        await knowledge.CreateIndexesAsync(cancellationToken);
        await userModels.CreateIndexesAsync(cancellationToken);
        await audit.CreateIndexesAsync(cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Database.RunCommandAsync<MongoDB.Bson.BsonDocument>(new MongoDB.Bson.BsonDocument("ping", 1), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public Task EraseUserAsync(string userId, CancellationToken cancellationToken = default) =>
        transactions.RunAsync(
            async session =>
            {
                await sessions.Collection.DeleteManyAsync(session, s => s.UserId == userId, cancellationToken: cancellationToken);
                await habits.Collection.DeleteManyAsync(session, h => h.UserId == userId, cancellationToken: cancellationToken);
                await userModels.Collection.DeleteManyAsync(session, m => m.UserId == userId, cancellationToken: cancellationToken);
                await users.Collection.DeleteOneAsync(session, u => u.Id == userId, cancellationToken: cancellationToken);
                return true;
            },
            cancellationToken);

    public void Dispose() => Client.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
