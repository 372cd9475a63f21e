using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

using BrainBuddy.Api.Infrastructure;

namespace BrainBuddy.Api.Accounts;

/// <summary>
/// The HMAC key that signs access tokens. Every instance must share it (configuration or BRAINBUDDY_JWT_KEY),
/// so tokens survive restarts and work on any instance. In Development a key is generated once into the data
/// directory; anywhere else a missing key stops start-up.
/// </summary>
public sealed class SigningKey
{
    public SigningKey(IOptions<AuthOptions> options, IConfiguration configuration, IHostEnvironment environment, IOptions<Data.StorageOptions> storage, ILogger<SigningKey> logger)
    {
        var configured = configuration["BRAINBUDDY_JWT_KEY"] ?? options.Value.SigningKey;
        var bytes = configured is not null
            ? Decode(configured)
            : environment.IsDevelopment()
                ? DevelopmentSecret.GetOrCreate(storage.Value.DataPath("jwt-signing.key"), 32, logger)
                : throw new InvalidOperationException("No token signing key is configured. Set BRAINBUDDY_JWT_KEY (or Auth:SigningKey) to a base64 key of at least 32 bytes.");
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..8] };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] Decode(string base64)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("BRAINBUDDY_JWT_KEY must decode to at least 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("BRAINBUDDY_JWT_KEY must be base64.");
        }
    }
}
