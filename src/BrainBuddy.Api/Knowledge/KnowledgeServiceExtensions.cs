using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Api.Knowledge;

public static class KnowledgeServiceExtensions
{
    public static IHostApplicationBuilder AddBrainBuddyKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddKnowledgeServices();
        builder.Services.AddHostedService<KnowledgeSeeding>();
        return builder;
    }
}
