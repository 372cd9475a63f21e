using System.Security.Cryptography;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>A random secret generated once into the data directory, for Development only.</summary>
public static class DevelopmentSecret
{
    public static byte[] GetOrCreate(string path, int length, ILogger logger)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = RandomNumberGenerator.GetBytes(length);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        logger.DevelopmentSecretGenerated(path);
        return bytes;
    }
}
