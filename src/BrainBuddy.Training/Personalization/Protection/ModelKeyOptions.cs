using Microsoft.Extensions.Configuration;

namespace BrainBuddy.Training.Personalization.Protection;

/// <summary>
/// Model encryption keys, from the environment (or any configuration source):
/// <c>BRAINBUDDY_MODEL_KEYS=keyId1:base64Key1,keyId2:base64Key2</c>, each key 32 random bytes (AES-256), ids of
/// letters, digits, '.', '_' or '-'; <c>BRAINBUDDY_MODEL_ACTIVE_KEY=keyId2</c> names the key new writes use, and
/// defaults to the first listed. Every listed key can still decrypt, which is what lets a rotation run live.
/// </summary>
public sealed class ModelKeyOptions
{
    public const string KeysSetting = "BRAINBUDDY_MODEL_KEYS";
    public const string ActiveKeySetting = "BRAINBUDDY_MODEL_ACTIVE_KEY";

    public string? Keys { get; set; }

    public string? ActiveKeyId { get; set; }

    public static ModelKeyOptions FromConfiguration(IConfiguration configuration) => new()
    {
        Keys = configuration[KeysSetting],
        ActiveKeyId = configuration[ActiveKeySetting],
    };
}
