using System.Diagnostics;
using System.Security.Cryptography;
using BrainBuddy.Api.Demo;
using BrainBuddy.Data;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Data.Storage.Transfer;
using Microsoft.Data.Sqlite;

namespace BrainBuddy.Api.Tests.Cli;

/// <summary>The operator commands as operators run them: the built service in a child process, on a temp data directory.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-cli", Guid.NewGuid().ToString("N"));
    private readonly string signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Should_seed_the_demo_account_once_with_sessions_and_habits_and_say_so_the_second_time()
    {
        var first = await RunAsync("data", "seed-demo");
        var second = await RunAsync("data", "seed-demo");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("created demo@brainbuddy.local", first.Output, StringComparison.Ordinal);
        Assert.Contains("exists", second.Output, StringComparison.Ordinal);
        var password = first.Output.Split('\n').Single(line => line.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Trim();

        using var storage = EmbeddedStorage.Open(Path.Combine(directory, "data", "brainbuddy.db"));
        var user = (await storage.Users.GetByEmailAsync(DemoSeeder.Email, TestContext.Current.CancellationToken))!;
        Assert.True(BCrypt.Net.BCrypt.EnhancedVerify(password, user.HashedPassword, BCrypt.Net.HashType.SHA384));
        var sessions = await storage.Sessions.ListLabelledAsync(user.Id, TestContext.Current.CancellationToken);
        Assert.InRange(sessions.Count, 50, 90);
        Assert.Equal(Enum.GetValues<ModuleType>().Length, sessions.Select(s => s.ModuleType).Distinct().Count());
        Assert.Equal(Enum.GetValues<BrainwaveTarget>().Length, sessions.Where(s => s.BrainwaveTarget is not null).Select(s => s.BrainwaveTarget).Distinct().Count());
        var habits = (await storage.Habits.ListAsync(user.Id, new HabitQuery(), TestContext.Current.CancellationToken)).Items;
        Assert.Equal(2, habits.Count);
        Assert.All(habits, habit => Assert.Equal(21, habit.AttemptCount));
    }

    [Fact]
    public async Task Should_back_up_restore_export_and_import_through_the_commands()
    {
        Assert.Equal(0, (await RunAsync("data", "seed-demo", "--password", "a demo password")).ExitCode);
        var backup = Path.Combine(directory, "backup.db");
        var exported = Path.Combine(directory, "export");

        var backedUp = await RunAsync("data", "backup", backup);
        var restored = await RunAsync("data", "restore", backup);
        var export = await RunAsync("data", "export-json", exported);
        var import = await RunAsync("copy", "import-json", exported);
        var reExport = await RunAsync("copy", "export-json", Path.Combine(directory, "export-again"));
        var broken = await RunAsync("copy", "restore", Path.Combine(directory, "export", "users.jsonl"));

        Assert.True(backedUp.ExitCode == 0, backedUp.Error);
        Assert.Contains("integrity ok", backedUp.Output, StringComparison.Ordinal);
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.True(File.Exists(Path.Combine(directory, "data", "brainbuddy.db" + EmbeddedBackup.BeforeRestoreSuffix)));
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal(0, reExport.ExitCode);
        Assert.Contains("sessions: ", import.Output, StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllText(JsonTransfer.FileOf(exported, "sessions")),
            File.ReadAllText(JsonTransfer.FileOf(Path.Combine(directory, "export-again"), "sessions")));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("not a readable SQLite database", broken.Error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [ApiPath(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["BRAINBUDDY_DATA_DIR"] = Path.Combine(directory, dataDirectory),
                ["BRAINBUDDY_JWT_KEY"] = signingKey,
                ["Auth__BcryptWorkFactor"] = "4",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The service's own build output (artifacts/bin/BrainBuddy.Api/&lt;configuration&gt;), which the test project builds first.</summary>
    private static string ApiPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(testOutput.Parent!.Parent!.FullName, "BrainBuddy.Api", testOutput.Name, "BrainBuddy.Api.dll");
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
