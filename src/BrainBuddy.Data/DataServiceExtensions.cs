using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Data.Storage.Mongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrainBuddy.Data;

public static class DataServiceExtensions
{
    /// <summary>Registers the storage backend chosen by configuration and every repository over it.</summary>
    public static IHostApplicationBuilder AddBrainBuddyData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The documented environment variables win over appsettings.
                options.MongoUrl = configuration["MONGODB_URL"] ?? options.MongoUrl;
                options.MongoDatabase = configuration["MONGODB_DATABASE"] ?? options.MongoDatabase;
                options.DataDirectory = configuration["BRAINBUDDY_DATA_DIR"] ?? options.DataDirectory;
            })
            .ValidateDataAnnotations()
            .Validate(options => !options.UseMongo || IsMongoUrl(options.MongoUrl!), "MONGODB_URL must be a valid mongodb:// or mongodb+srv:// connection string.")
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IStorage>(services => OpenStorage(
            services.GetRequiredService<IOptions<StorageOptions>>().Value,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("BrainBuddy.Data")));
        builder.Services.AddSingleton<IDataStore>(services => services.GetRequiredService<IStorage>());
        builder.Services.AddSingleton(services => services.GetRequiredService<IStorage>().Users);
        builder.Services.AddSingleton(services => services.GetRequiredService<IStorage>().Roles);
        builder.Services.AddSingleton(services => services.GetRequiredService<IStorage>().Sessions);
        builder.Services.AddSingleton(services => services.GetRequiredService<IStorage>().Habits);
        builder.Services.AddSingleton(services => services.GetRequiredService<IStorage>().Knowledge);
        builder.Services.AddSingleton(services => services.GetRequiredService<IStorage>().UserModels);
        builder.Services.AddSingleton(services => services.GetRequiredService<IStorage>().Audit);
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddHostedService<StorageInitializer>();
        return builder;
    }

    private static IStorage OpenStorage(StorageOptions options, TimeProvider clock, ILogger logger)
    {
        if (options.UseMongo)
        {
            logger.UsingMongo(MongoStorage.Describe(options.MongoUrl!), options.MongoDatabase);
            return new MongoStorage(options.MongoUrl!, options.MongoDatabase, clock);
        }

        logger.UsingEmbedded(options.EmbeddedDatabasePath);
        return EmbeddedStorage.Open(options.EmbeddedDatabasePath, options.EmbeddedFullSync, clock);
    }

    private static bool IsMongoUrl(string url)
    {
        try
        {
            _ = new MongoDB.Driver.MongoUrl(url);
            return true;
        }
        catch (MongoDB.Driver.MongoConfigurationException)
        {
            return false;
        }
    }
}

/// <summary>Creates collections and indexes before the host starts serving; a store that cannot be reached stops start-up with one clear message.</summary>
internal sealed class StorageInitializer(IStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.InitializeAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is MongoDB.Driver.MongoException or TimeoutException)
        {
            logger.StoreInitializationFailed(exception, storage.Backend);
            throw new InvalidOperationException($"The {storage.Backend} store could not be reached or initialised: {exception.Message}", exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
