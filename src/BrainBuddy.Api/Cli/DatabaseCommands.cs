using System.CommandLine;
using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Embedded;
using BrainBuddy.Data.Storage.Transfer;

namespace BrainBuddy.Api.Cli;

/// <summary>Backups of the embedded store, and whole-database moves between backends.</summary>
internal static class DatabaseCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string ExportJson = "export-json";
    public const string ImportJson = "import-json";

    public static IEnumerable<Command> Create(CommandContext context)
    {
        var backupFile = new Argument<string>("file") { Description = "Where to write the backup (a single SQLite file)." };
        var backup = new Command(Backup, "Copy the embedded database consistently while the service runs.") { backupFile };
        backup.SetAction(result => EmbeddedOnly(context, () =>
        {
            var size = EmbeddedBackup.Backup(context.Storage.EmbeddedDatabasePath, result.GetValue(backupFile)!);
            Console.WriteLine($"backed up {context.Storage.EmbeddedDatabasePath} to {Path.GetFullPath(result.GetValue(backupFile)!)} ({size} bytes, integrity ok)");
        }));

        var restoreFile = new Argument<string>("file") { Description = "A backup written by the backup command." };
        var restore = new Command(Restore, "Replace the embedded database with a backup. Stop the service first.") { restoreFile };
        restore.SetAction(result => EmbeddedOnly(context, () =>
        {
            var database = context.Storage.EmbeddedDatabasePath;
            EmbeddedBackup.Restore(result.GetValue(restoreFile)!, database);
            Console.WriteLine($"restored {database} from {Path.GetFullPath(result.GetValue(restoreFile)!)}; the replaced database is {database}{EmbeddedBackup.BeforeRestoreSuffix}");
        }));

        var exportFolder = new Argument<string>("folder") { Description = "Where to write one <collection>.jsonl file per collection." };
        var export = new Command(ExportJson, "Write every collection as MongoDB canonical extended JSON lines.") { exportFolder };
        export.SetAction(async (result, cancellationToken) =>
        {
            var store = (await context.OpenStoreAsync()).GetRequiredService<IStorage>();
            return Report("exported", await JsonTransfer.ExportAsync(store.Documents, result.GetValue(exportFolder)!, cancellationToken));
        });

        var importFolder = new Argument<string>("folder") { Description = "A folder written by export-json (or mongoexport --jsonFormat=canonical)." };
        var import = new Command(ImportJson, "Insert or replace, by _id, every document of the collection files in a folder.") { importFolder };
        import.SetAction(async (result, cancellationToken) =>
        {
            var store = (await context.OpenStoreAsync()).GetRequiredService<IStorage>();
            try
            {
                return Report("imported", await JsonTransfer.ImportAsync(store.Documents, result.GetValue(importFolder)!, cancellationToken));
            }
            catch (Exception exception) when (exception is InvalidDataException or DuplicateKeyException or DirectoryNotFoundException)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 1;
            }
        });

        return [backup, restore, export, import];
    }

    private static int EmbeddedOnly(CommandContext context, Action run)
    {
        if (context.Storage.UseMongo)
        {
            Console.Error.WriteLine("This service runs on MongoDB: back it up with mongodump and mongorestore (see the README's Operations section).");
            return 2;
        }

        try
        {
            run();
            return 0;
        }
        catch (Exception exception) when (exception is DatabaseInUseException or InvalidDataException or FileNotFoundException)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }

    private static int Report(string verb, IReadOnlyList<CollectionCount> counts)
    {
        foreach (var count in counts)
        {
            Console.WriteLine($"{count.Collection}: {count.Documents}");
        }

        Console.WriteLine($"{verb} {counts.Sum(c => c.Documents)} documents in {counts.Count} collections");
        return 0;
    }
}
