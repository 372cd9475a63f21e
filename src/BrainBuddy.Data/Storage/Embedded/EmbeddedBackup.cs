using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>
/// Backup and restore of the embedded database file. A backup is taken while the service runs: SQLite's online
/// backup copies the pages inside one read transaction, and WAL lets writers go on meanwhile, so the copy holds
/// exactly the transactions committed when it started. A restore replaces the live database and needs it closed.
/// </summary>
public static class EmbeddedBackup
{
    public const string BeforeRestoreSuffix = ".before-restore";

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Writes a consistent, self-contained copy of <paramref name="databasePath"/> to <paramref name="destination"/>.</summary>
    /// <returns>The copy's size in bytes.</returns>
    public static long Backup(string databasePath, string destination)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"No database at {databasePath}.", databasePath);
        }

        destination = Path.GetFullPath(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        File.Delete(partial);
        using (var source = Open(databasePath))
        using (var copy = Open(partial))
        {
            source.BackupDatabase(copy);
            // One file, no -wal beside it: the copy can be moved or archived alone.
            SqliteDatabase.Execute(copy, "PRAGMA journal_mode=DELETE;");
            EnsureIntact(copy, partial);
        }

        if (!OperatingSystem.IsWindows())
        {
            // It holds password hashes and encrypted models: readable by the operator only.
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(partial, destination, overwrite: true);
        return new FileInfo(destination).Length;
    }

    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with the backup, after checking the backup's integrity.
    /// The replaced database is kept beside it with <see cref="BeforeRestoreSuffix"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The backup is not an intact Brain Buddy database; nothing was changed.</exception>
    /// <exception cref="DatabaseInUseException">Another connection has the database open (the service runs); nothing was changed.</exception>
    public static void Restore(string backupFile, string databasePath)
    {
        if (!File.Exists(backupFile))
        {
            throw new FileNotFoundException($"No backup at {backupFile}.", backupFile);
        }

        using var backup = Open(backupFile, SqliteOpenMode.ReadOnly);
        EnsureIntact(backup, backupFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        using var live = Open(databasePath);
        var before = databasePath + BeforeRestoreSuffix;
        var partialBefore = before + ".partial";
        try
        {
            TakeExclusiveLock(live);
            using (var copy = Open(partialBefore))
            {
                live.BackupDatabase(copy);
                SqliteDatabase.Execute(copy, "PRAGMA journal_mode=DELETE;");
            }

            // Copying pages into the locked live database keeps its WAL mode; a failure rolls the copy back whole.
            backup.BackupDatabase(live);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            File.Delete(partialBefore);
            throw new DatabaseInUseException(databasePath, exception);
        }

        File.Move(partialBefore, before, overwrite: true);
        EnsureIntact(live, databasePath);
    }

    /// <summary>
    /// Holds the database exclusively until <paramref name="live"/> closes. In WAL mode every open connection, even an
    /// idle one in another process, keeps this from succeeding, which is how a running service is detected.
    /// </summary>
    private static void TakeExclusiveLock(SqliteConnection live) =>
        SqliteDatabase.Execute(live, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;");

    private static void EnsureIntact(SqliteConnection connection, string path)
    {
        try
        {
            var integrity = SqliteDatabase.Scalar(connection, "PRAGMA integrity_check") as string;
            if (integrity != "ok")
            {
                throw new InvalidDataException($"{path} fails SQLite's integrity check: {integrity}");
            }

            if (SqliteDatabase.Scalar(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'schema_version'") is not 1L)
            {
                throw new InvalidDataException($"{path} is not a Brain Buddy database (no schema_version table).");
            }
        }
        catch (SqliteException exception)
        {
            throw new InvalidDataException($"{path} is not a readable SQLite database: {exception.Message}", exception);
        }
    }

    // Unpooled, with a short busy wait: a backup or restore must not keep the file open after it returns.
    private static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 1 }.ToString());
        connection.Open();
        return connection;
    }
}

/// <summary>The embedded database is open elsewhere, usually by the running service; stop it first.</summary>
public sealed class DatabaseInUseException(string path, Exception inner)
    : Exception($"{path} is open in another process (is the service running?). Stop the service, then restore.", inner)
{
}
