using System.Collections.Concurrent;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage.Embedded;
using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Tests.Embedded;

public sealed class EmbeddedBackupTests : IDisposable
{
    private const int Writers = 8;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-backup", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "live", "brainbuddy.db");

    private string BackupPath => Path.Combine(directory, "backups", "brainbuddy-backup.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_take_a_backup_that_holds_exactly_a_prefix_of_what_was_acknowledged_while_writers_go_on()
    {
        using var storage = EmbeddedStorage.Open(DatabasePath, fullSync: false);
        await PrefillAsync(storage, 20_000);
        var acknowledged = new ConcurrentDictionary<string, (int Writer, int Sequence)>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(() => WriteUntilStoppedAsync(storage, writer, acknowledged, stop.Token), Ct)).ToArray();
        while (acknowledged.Count < 300)
        {
            await Task.Delay(10, Ct);
        }

        var acknowledgedBeforeBackup = acknowledged.Keys.ToHashSet(StringComparer.Ordinal);
        var size = await Task.Run(() => EmbeddedBackup.Backup(DatabasePath, BackupPath), Ct);
        var countAfterBackup = acknowledged.Count;
        await Task.Delay(100, Ct);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var copied = ReadSessions(BackupPath).Where(s => s.Value.UserId != PrefillUser)
            .ToDictionary(s => s.Key, s => (Writer: Convert.ToInt32(s.Value.UserId[^2..], 16), Sequence: s.Value.DurationSeconds - 1), StringComparer.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"{size} bytes; {acknowledgedBeforeBackup.Count} acknowledged before, {copied.Count} in the backup, {acknowledged.Count} in all");
        Assert.True(acknowledged.Count > countAfterBackup, "the writers should have gone on after the backup");
        Assert.All(copied.Keys, id => Assert.True(acknowledged.ContainsKey(id), $"{id} is in the backup but was never acknowledged"));
        Assert.All(acknowledgedBeforeBackup, id => Assert.True(copied.ContainsKey(id), $"{id} was acknowledged before the backup started but is not in it"));
        // Each writer awaits every write before the next, so a consistent snapshot holds a prefix of each writer's sequence.
        foreach (var writer in copied.Values.GroupBy(s => s.Writer))
        {
            Assert.Equal(Enumerable.Range(0, writer.Count()), writer.Select(s => s.Sequence).Order());
        }
    }

    [Fact]
    public async Task Should_restore_a_backup_and_keep_the_replaced_database_beside_it()
    {
        string kept;
        string lost;
        using (var storage = EmbeddedStorage.Open(DatabasePath, fullSync: false))
        {
            kept = (await storage.Sessions.InsertAsync(NewSession("65f1a2b3c4d5e6f708192a3b", 0), Ct)).Document.Id;
            EmbeddedBackup.Backup(DatabasePath, BackupPath);
            lost = (await storage.Sessions.InsertAsync(NewSession("65f1a2b3c4d5e6f708192a3b", 1), Ct)).Document.Id;
        }

        SqliteConnection.ClearAllPools();
        EmbeddedBackup.Restore(BackupPath, DatabasePath);

        using (var restored = EmbeddedStorage.Open(DatabasePath))
        {
            Assert.NotNull(await restored.Sessions.GetAsync("65f1a2b3c4d5e6f708192a3b", kept, Ct));
            Assert.Null(await restored.Sessions.GetAsync("65f1a2b3c4d5e6f708192a3b", lost, Ct));
        }

        Assert.Contains(lost, ReadSessions(DatabasePath + EmbeddedBackup.BeforeRestoreSuffix).Keys);
    }

    [Fact]
    public async Task Should_refuse_to_restore_while_another_process_has_the_database_open()
    {
        EmbeddedStorage.Open(DatabasePath).Dispose();
        EmbeddedBackup.Backup(DatabasePath, BackupPath);
        SqliteConnection.ClearAllPools();
        using var writer = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", [EmbeddedDurabilityTests.CrashWriterPath(), DatabasePath])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            Assert.NotNull(await writer.StandardOutput.ReadLineAsync(Ct)); // it has the database open and is writing

            Assert.Throws<DatabaseInUseException>(() => EmbeddedBackup.Restore(BackupPath, DatabasePath));
            Assert.False(File.Exists(DatabasePath + EmbeddedBackup.BeforeRestoreSuffix));
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(Ct);
        }

        Assert.NotEmpty(ReadSessions(DatabasePath));
    }

    [Fact]
    public async Task Should_refuse_to_restore_while_this_process_has_the_database_open()
    {
        using var storage = EmbeddedStorage.Open(DatabasePath, fullSync: false);
        var id = (await storage.Sessions.InsertAsync(NewSession("65f1a2b3c4d5e6f708192a3b", 0), Ct)).Document.Id;
        EmbeddedBackup.Backup(DatabasePath, BackupPath);
        await storage.Sessions.DeleteAsync("65f1a2b3c4d5e6f708192a3b", id, Ct);

        Assert.Throws<DatabaseInUseException>(() => EmbeddedBackup.Restore(BackupPath, DatabasePath));
        Assert.Null(await storage.Sessions.GetAsync("65f1a2b3c4d5e6f708192a3b", id, Ct));
        Assert.False(File.Exists(DatabasePath + EmbeddedBackup.BeforeRestoreSuffix));
    }

    [Fact]
    public void Should_refuse_a_backup_that_is_not_an_intact_database_and_change_nothing()
    {
        EmbeddedStorage.Open(DatabasePath).Dispose();
        Directory.CreateDirectory(Path.GetDirectoryName(BackupPath)!);
        File.WriteAllText(BackupPath, "not a database, only text long enough to look like a header or two");
        var before = File.ReadAllBytes(DatabasePath);

        Assert.Throws<InvalidDataException>(() => EmbeddedBackup.Restore(BackupPath, DatabasePath));
        Assert.Equal(before, File.ReadAllBytes(DatabasePath));
        Assert.False(File.Exists(DatabasePath + EmbeddedBackup.BeforeRestoreSuffix));
    }

    private static TrainingSession NewSession(string userId, int sequence) => new()
    {
        UserId = userId,
        ModuleType = ModuleType.Movers,
        Timestamp = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddSeconds(sequence),
        // The writer's sequence number rides in a stored field, so the backup alone tells the order of each writer's writes.
        DurationSeconds = sequence + 1,
    };

    private const string PrefillUser = "65f1a2b3c4d5e6f708192a3b";

    private static string WriterUser(int writer) => $"65f1a2b3c4d5e6f7081900{writer:x2}";

    private static async Task PrefillAsync(EmbeddedStorage storage, int count)
    {
        for (var done = 0; done < count; done += 500)
        {
            await storage.Sessions.InsertManyAsync(Enumerable.Range(done, 500).Select(i => NewSession(PrefillUser, i)).ToList(), Ct);
        }
    }

    private static async Task WriteUntilStoppedAsync(EmbeddedStorage storage, int writer, ConcurrentDictionary<string, (int, int)> acknowledged, CancellationToken stop)
    {
        for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            var session = NewSession(WriterUser(writer), sequence);
            await storage.Sessions.InsertAsync(session, CancellationToken.None);
            acknowledged[session.Id] = (writer, sequence);
        }
    }

    /// <summary>Every session in a database file, after checking the file's integrity.</summary>
    private static Dictionary<string, (string UserId, int DurationSeconds)> ReadSessions(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        Assert.Equal("ok", SqliteDatabase.Scalar(connection, "PRAGMA integrity_check"));
        using var command = SqliteDatabase.CreateCommand(connection, "SELECT id, user_id, duration_seconds FROM sessions");
        using var reader = command.ExecuteReader();
        var sessions = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            sessions[reader.GetString(0)] = (reader.GetString(1), (int)reader.GetInt64(2));
        }

        return sessions;
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
