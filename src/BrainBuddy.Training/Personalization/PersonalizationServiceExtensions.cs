using BrainBuddy.Data;
using BrainBuddy.Training.Personalization.Evidence;
using BrainBuddy.Training.Personalization.Models;
using BrainBuddy.Training.Personalization.Protection;
using BrainBuddy.Training.Personalization.Recommendations;
using BrainBuddy.Training.Personalization.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrainBuddy.Training.Personalization;

public static class PersonalizationServiceExtensions
{
    /// <summary>
    /// Registers personal models, their encryption and the recommender. Needs <c>AddBrainBuddyData</c> (repositories,
    /// <see cref="StorageOptions.DataDirectory"/>, <see cref="TimeProvider"/>). The evidence prior defaults to
    /// <see cref="TableEvidencePrior.Flat"/>; register an <see cref="IEvidencePrior"/> adapter over the knowledge ranking
    /// before or after this call to replace it. The key ring is built at start-up, so missing keys stop the host.
    /// </summary>
    public static IHostApplicationBuilder AddBrainBuddyPersonalization(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<EffectivenessLearner>();
        services.AddSingleton<PersonalModelTrainer>();
        services.AddSingleton<PopulationModelTrainer>();
        services.AddSingleton(provider => ModelKeyRing.Create(
            ModelKeyOptions.FromConfiguration(builder.Configuration),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath(""),
            builder.Environment.IsDevelopment(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<ModelKeyRing>()));
        services.AddSingleton<ModelProtector>();
        services.AddSingleton<ModelKeyRotation>();
        services.AddSingleton(provider => new PersonalModelCache(provider.GetRequiredService<EffectivenessLearner>()));
        services.AddSingleton<PopulationModelHolder>();
        services.TryAddSingleton<IEvidencePrior>(TableEvidencePrior.Flat);
        services.AddSingleton(provider => new Recommender(provider.GetRequiredService<IEvidencePrior>(), Random.Shared));
        services.AddSingleton<PersonalModelStore>();
        services.AddSingleton<UserModelService>();
        services.AddSingleton<PopulationRetrainService>();
        services.AddSingleton<PopulationModelStore>();
        services.AddHostedService<ModelKeyCheck>();
        return builder;
    }

    /// <summary>Builds the key ring while the host starts, so a production host without keys never takes traffic.</summary>
    private sealed class ModelKeyCheck(ModelKeyRing keys) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(keys.ActiveKeyId);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
