using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace BrainBuddy.Data.Storage.Transfer;

/// <summary>
/// Moves a whole database between stores through a folder: one <c>&lt;collection&gt;.jsonl</c> file per collection,
/// one document per line in MongoDB's canonical extended JSON, so every BSON type (ObjectId, date, int32 vs int64,
/// binary) survives and <c>mongoimport</c> reads the files as they are. Import replaces by _id, so it is idempotent.
/// </summary>
public static class JsonTransfer
{
    public const string Extension = ".jsonl";

    private const int BatchSize = 500;

    private static readonly JsonWriterSettings Canonical = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson, Indent = false };

    /// <summary>Writes every collection, in _id order, so the same data always gives byte-identical files.</summary>
    /// <remarks>Collections are read one after another, not as one snapshot: export a service that takes no writes, or use a backup.</remarks>
    public static async Task<IReadOnlyList<CollectionCount>> ExportAsync(IRawDocuments source, string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var counts = new List<CollectionCount>();
        foreach (var collection in StorageCollections.All)
        {
            var path = FileOf(folder, collection);
            var partial = path + ".partial";
            long written = 0;
            await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                if (!OperatingSystem.IsWindows())
                {
                    // The users file holds password hashes: readable by the operator only, like a backup.
                    File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                await foreach (var document in source.ReadAllAsync(collection, cancellationToken))
                {
                    await writer.WriteLineAsync(document.ToJson(Canonical));
                    written++;
                }
            }

            File.Move(partial, path, overwrite: true);
            counts.Add(new CollectionCount(collection, written));
        }

        return counts;
    }

    /// <summary>Upserts every document of every collection file found in <paramref name="folder"/>, in batches.</summary>
    /// <exception cref="InvalidDataException">A line is not an extended JSON document; it names the file and line.</exception>
    public static async Task<IReadOnlyList<CollectionCount>> ImportAsync(IRawDocuments target, string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No folder {folder}.");
        }

        var counts = new List<CollectionCount>();
        foreach (var collection in StorageCollections.All.Where(c => File.Exists(FileOf(folder, c))))
        {
            var path = FileOf(folder, collection);
            var batch = new List<BsonDocument>(BatchSize);
            long read = 0;
            var lineNumber = 0;
            using var reader = new StreamReader(path, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                batch.Add(Parse(line, path, lineNumber));
                read++;
                if (batch.Count == BatchSize)
                {
                    await target.UpsertAsync(collection, batch, cancellationToken);
                    batch = new List<BsonDocument>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await target.UpsertAsync(collection, batch, cancellationToken);
            }

            counts.Add(new CollectionCount(collection, read));
        }

        return counts;
    }

    public static string FileOf(string folder, string collection) => Path.Combine(folder, collection + Extension);

    private static BsonDocument Parse(string line, string path, int lineNumber)
    {
        try
        {
            return BsonDocument.Parse(line);
        }
        catch (Exception exception) when (exception is FormatException or BsonException or InvalidCastException)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: not a MongoDB extended JSON document ({exception.Message})", exception);
        }
    }
}

/// <summary>How many documents of a collection were exported or imported.</summary>
public sealed record CollectionCount(string Collection, long Documents);
