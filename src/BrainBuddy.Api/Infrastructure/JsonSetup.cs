using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>The API speaks the storage vocabulary: snake_case names and enum values, and unknown fields are errors.</summary>
public static class JsonSetup
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MaxDepth = 16;
    }

    public static IServiceCollection AddBrainBuddyJson(this IServiceCollection services) =>
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
}
