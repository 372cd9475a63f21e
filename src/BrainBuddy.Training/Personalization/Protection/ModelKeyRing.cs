using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace BrainBuddy.Training.Personalization.Protection;

/// <summary>The AES-256 keys models are encrypted with, by id, and which one new writes use.</summary>
public sealed class ModelKeyRing
{
    public const int KeySize = 32;

    /// <summary>Where a development key is kept, under the data directory.</summary>
    public const string DevelopmentKeyFileName = "model-keys.development";

    private readonly Dictionary<string, byte[]> keys;

    public ModelKeyRing(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId)
    {
        foreach (var (id, key) in keys)
        {
            if (!IsValidKeyId(id))
            {
                throw new ModelKeyConfigurationException($"Model key id '{id}' may use only letters, digits, '.', '_' and '-'.");
            }

            if (key.Length != KeySize)
            {
                throw new ModelKeyConfigurationException($"Model key '{id}' has {key.Length} bytes; AES-256 needs {KeySize}.");
            }
        }

        if (!keys.ContainsKey(activeKeyId))
        {
            throw new ModelKeyConfigurationException($"The active model key '{activeKeyId}' is not among the configured keys.");
        }

        this.keys = keys.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => keys.Keys;

    internal byte[] ActiveKey => keys[ActiveKeyId];

    internal bool TryGetKey(string keyId, out byte[] key) => keys.TryGetValue(keyId, out key!);

    /// <summary>Reads the <see cref="ModelKeyOptions"/> format; the active key defaults to the first listed.</summary>
    /// <exception cref="ModelKeyConfigurationException">Malformed list, duplicate id, bad key, unknown active id.</exception>
    public static ModelKeyRing Parse(string keyList, string? activeKeyId = null)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? first = null;
        foreach (var entry in keyList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = entry.IndexOf(':', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new ModelKeyConfigurationException($"{ModelKeyOptions.KeysSetting} entries look like keyId:base64Key; one entry has no key id.");
            }

            var id = entry[..separator];
            byte[] key;
            try
            {
                key = Convert.FromBase64String(entry[(separator + 1)..]);
            }
            catch (FormatException exception)
            {
                throw new ModelKeyConfigurationException($"Model key '{id}' is not valid base64.", exception);
            }

            if (!keys.TryAdd(id, key))
            {
                throw new ModelKeyConfigurationException($"Model key id '{id}' is listed twice.");
            }

            first ??= id;
        }

        if (first is null)
        {
            throw new ModelKeyConfigurationException($"{ModelKeyOptions.KeysSetting} lists no key.");
        }

        return new ModelKeyRing(keys, string.IsNullOrWhiteSpace(activeKeyId) ? first : activeKeyId.Trim());
    }

    /// <summary>
    /// The ring the host runs with. Configured keys win. Without them, development generates a key into
    /// <paramref name="dataDirectory"/> (and reuses it on later starts) with a loud warning; anything else stops.
    /// </summary>
    /// <exception cref="ModelKeyConfigurationException">No keys outside development, or malformed keys.</exception>
    public static ModelKeyRing Create(ModelKeyOptions options, string dataDirectory, bool isDevelopment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Keys))
        {
            return Parse(options.Keys, options.ActiveKeyId);
        }

        if (!isDevelopment)
        {
            throw new ModelKeyConfigurationException(
                $"No model encryption key is configured. Set {ModelKeyOptions.KeysSetting} to keyId:base64Key (32 random bytes, " +
                $"e.g. from 'openssl rand -base64 32') and optionally {ModelKeyOptions.ActiveKeySetting}; personal models cannot be stored without it.");
        }

        var path = Path.Combine(dataDirectory, DevelopmentKeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            WriteOwnerOnly(path, GenerateEntry($"dev-{DateTime.UtcNow:yyyyMMdd}"));
        }

        logger.DevelopmentModelKey(ModelKeyOptions.KeysSetting, path);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>A new random key in the configuration format, for key rotation and the CLI's key generation.</summary>
    public static string GenerateEntry(string keyId)
    {
        var key = RandomNumberGenerator.GetBytes(KeySize);
        return $"{keyId}:{Convert.ToBase64String(key)}";
    }

    private static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= 64 && id.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-');

    private static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(content);
    }
}
