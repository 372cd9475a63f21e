using MongoDB.Bson;

namespace BrainBuddy.Data.Users;

/// <summary>The documented keys of <see cref="User.PrivacySettings"/>; absent keys take the default.</summary>
public static class PrivacySettings
{
    /// <summary>Whether a personal model is trained for the user (default true).</summary>
    public const string Personalization = "personalization";

    /// <summary>Whether the user's sessions may train the shared population model (default true).</summary>
    public const string PopulationTraining = "population_training";

    public static IReadOnlyList<string> KnownBooleanKeys { get; } = [Personalization, PopulationTraining];

    public static bool Allows(this BsonDocument settings, string key) =>
        !settings.TryGetValue(key, out var value) || !value.IsBoolean || value.AsBoolean;
}
