using BrainBuddy.Data;
using BrainBuddy.Data.Storage;
using Microsoft.Extensions.Options;

namespace BrainBuddy.Api.Cli;

/// <summary>
/// What a command needs: the host's services, with the store opened (and its schema applied) only by the commands
/// that use it. A restore must find the database file closed, and a backup reads it beside the running service.
/// </summary>
internal sealed class CommandContext(IServiceProvider services)
{
    private Task<IServiceProvider>? opened;

    public StorageOptions Storage => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    /// <summary>The services, once the store is initialised.</summary>
    public Task<IServiceProvider> OpenStoreAsync() => opened ??= InitializeAsync();

    private async Task<IServiceProvider> InitializeAsync()
    {
        await services.GetRequiredService<IStorage>().InitializeAsync();
        return services;
    }
}
