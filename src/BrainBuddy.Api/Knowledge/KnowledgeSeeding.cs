using BrainBuddy.Data.Storage;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Api.Knowledge;

/// <summary>
/// Seeds an empty embedded store from the seed files shipped beside the binaries, so a fresh `dotnet run` answers
/// rankings at once. A MongoDB deployment is loaded deliberately, with `knowledge load`.
/// </summary>
internal sealed class KnowledgeSeeding(IDataStore store, KnowledgeSeeder seeder) : IHostedService
{
    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seed", "knowledge");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Backend == "embedded")
        {
            await seeder.SeedIfEmptyAsync(SeedFolder, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
