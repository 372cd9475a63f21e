using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Knowledge;
using BrainBuddy.Api.Personalization;
using BrainBuddy.Data;

namespace BrainBuddy.Api;

public static class BrainBuddyServices
{
    /// <summary>Everything but HTTP: shared by the web host, the `worker` and the other commands.</summary>
    public static IHostApplicationBuilder AddBrainBuddyServices(this IHostApplicationBuilder builder)
    {
        builder.AddBrainBuddyData();
        builder.AddBrainBuddyAccounts();
        builder.AddBrainBuddyKnowledge();
        builder.AddBrainBuddyPersonalizationJobs();
        return builder;
    }
}
