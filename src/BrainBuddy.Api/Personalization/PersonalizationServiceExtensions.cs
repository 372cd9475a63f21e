using BrainBuddy.Api.Accounts;
using BrainBuddy.Data;
using BrainBuddy.Training.Personalization;
using BrainBuddy.Training.Personalization.Evidence;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Mongo;
using Hangfire.Mongo.Migration.Strategies;
using Hangfire.Mongo.Migration.Strategies.Backup;

namespace BrainBuddy.Api.Personalization;

public static class PersonalizationServiceExtensions
{
    /// <summary>Personal models, the knowledge-backed prior, and Hangfire (MongoDB storage in production, in memory on the embedded store).</summary>
    public static IHostApplicationBuilder AddBrainBuddyPersonalizationJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KnowledgeEvidencePrior>();
        builder.Services.AddSingleton<IEvidencePrior>(services => services.GetRequiredService<KnowledgeEvidencePrior>());
        builder.AddBrainBuddyPersonalization();
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RetrainJobs>();
        builder.Services.AddHostedService<PersonalizationStartup>();

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var mongoUrl = builder.Configuration["MONGODB_URL"] ?? storage.MongoUrl;
        builder.Services.AddHangfire(configuration =>
        {
            configuration.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (builder.Environment.IsEnvironment("Testing"))
            {
                // Hangfire's log provider is process-wide; test hosts come and go in parallel in one process, and a
                // provider bound to a disposed host's logger factory would fail the others.
                configuration.UseLogProvider(new SilentHangfireLog());
            }

            if (string.IsNullOrWhiteSpace(mongoUrl))
            {
                // The embedded default runs one process: jobs live in memory and the recurring job is re-registered at start.
                configuration.UseInMemoryStorage();
            }
            else
            {
                configuration.UseMongoStorage(mongoUrl, builder.Configuration["MONGODB_DATABASE"] ?? storage.MongoDatabase, new MongoStorageOptions
                {
                    Prefix = "hangfire",
                    CheckConnection = false,
                    CheckQueuedJobsStrategy = CheckQueuedJobsStrategy.Poll,
                    MigrationOptions = new MongoMigrationOptions { MigrationStrategy = new MigrateMongoMigrationStrategy(), BackupStrategy = new CollectionMongoBackupStrategy() },
                });
            }
        });
        var jobs = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        if (jobs.RunServer)
        {
            builder.Services.AddHangfireServer(server => server.WorkerCount = jobs.WorkerCount);
        }

        return builder;
    }

    /// <summary>The Hangfire dashboard, for admins (send the admin's bearer token).</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions { Authorization = [new AdminOnly()], IgnoreAntiforgeryToken = true, DisplayStorageConnectionString = false })
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    private sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Data.Users.RoleNames.Admin);
    }
}
