using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BrainBuddy.Training.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The loader, the seeder and the ranking service, as singletons: the ranking service holds the ranking cache.
    /// Expects an <see cref="Data.Knowledge.IKnowledgeRepository"/> singleton from the data layer.
    /// </summary>
    public static IServiceCollection AddKnowledgeServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KnowledgeLoader>();
        services.AddSingleton<KnowledgeSeeder>();
        services.AddSingleton<KnowledgeRankingService>();
        return services;
    }
}
