using System.Diagnostics;
using BrainBuddy.Data.Storage.Embedded;
using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Tests.Embedded;

public sealed class EmbeddedDurabilityTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-durability", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "brainbuddy.db");

    [Fact]
    public async Task Should_keep_every_acknowledged_write_when_the_writer_is_killed()
    {
        var acknowledged = new List<(string UserId, string Id)>();
        for (var round = 0; round < 3; round++)
        {
            acknowledged.AddRange(await RunAndKillWriterAsync());
        }

        using var storage = EmbeddedStorage.Open(DatabasePath);
        var missing = 0;
        foreach (var (userId, id) in acknowledged)
        {
            missing += await storage.Sessions.GetAsync(userId, id, TestContext.Current.CancellationToken) is null ? 1 : 0;
        }

        using var reader = storage.Database.OpenReader();
        var connection = reader.Connection;
        TestContext.Current.TestOutputHelper?.WriteLine($"3 SIGKILLs, {acknowledged.Count} acknowledged writes, {missing} missing");
        Assert.True(acknowledged.Count > 300, $"only {acknowledged.Count} writes were acknowledged");
        Assert.Equal(0, missing);
        Assert.Equal("ok", SqliteDatabase.Scalar(connection, "PRAGMA integrity_check"));
    }

    /// <summary>Kills the writer mid-stream: once it has acknowledged at least 200 writes, a little later.</summary>
    private async Task<List<(string, string)>> RunAndKillWriterAsync()
    {
        using var writer = Process.Start(new ProcessStartInfo("dotnet", [CrashWriterPath(), DatabasePath])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var lines = new List<(string, string)>();
        var reading = Task.Run(async () =>
        {
            while (await writer.StandardOutput.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ');
                lock (lines)
                {
                    lines.Add((parts[0], parts[1]));
                }
            }
        });

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Count(lines) < 200 && DateTime.UtcNow < deadline && !writer.HasExited)
        {
            await Task.Delay(20);
        }

        await Task.Delay(Random.Shared.Next(50, 300));
        writer.Kill(entireProcessTree: true); // SIGKILL on Unix: no flush, no dispose, no finalizers.
        await writer.WaitForExitAsync();
        await reading;
        return lines;
    }

    private static int Count(List<(string, string)> lines)
    {
        lock (lines)
        {
            return lines.Count;
        }
    }

    internal static string CrashWriterPath()
    {
        // Artifacts layout: artifacts/bin/<project>/<configuration>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(testOutput.Parent!.Parent!.FullName, "BrainBuddy.Data.CrashWriter", testOutput.Name, "BrainBuddy.Data.CrashWriter.dll");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
