using System.Runtime.CompilerServices;
using BrainBuddy.Data.Storage.Transfer;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using static BrainBuddy.Data.Storage.Embedded.SqliteDatabase;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>
/// Raw documents over the embedded tables. Each table's indexed columns carry the same names as the document
/// fields they copy, so an imported document fills them straight from its BSON, as the repositories would.
/// </summary>
internal sealed class EmbeddedRawDocuments(SqliteDatabase database) : IRawDocuments
{
    private const int PageSize = 500;

    /// <summary>The columns besides <c>id</c> and <c>doc</c>, per table (see <see cref="EmbeddedSchema"/>).</summary>
    private static readonly Dictionary<string, string[]> IndexedFields = new(StringComparer.Ordinal)
    {
        [StorageCollections.Users] = ["email"],
        [StorageCollections.Roles] = ["normalized_name"],
        [StorageCollections.Sessions] = ["user_id", "module_type", "timestamp", "user_rating", "effectiveness_score", "duration_seconds", "updated_at"],
        [StorageCollections.Habits] = ["user_id", "habit_type", "created_at"],
        [StorageCollections.Knowledge] = ["natural_key", "stimulus_type", "outcome"],
        [StorageCollections.UserModels] = ["user_id", "version"],
        [StorageCollections.AuditEvents] = ["time", "actor", "action"],
    };

    public async IAsyncEnumerable<BsonDocument> ReadAllAsync(string collection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = Table(collection);
        var after = "";
        while (true)
        {
            // Pages keep no reader open across the caller's awaits.
            List<BsonDocument> page;
            using (var reader = database.OpenReader())
            {
                page = ReadPage(reader.Connection, table, after);
            }

            foreach (var document in page)
            {
                yield return document;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1]["_id"].AsObjectId.ToString();
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    public Task UpsertAsync(string collection, IReadOnlyList<BsonDocument> documents, CancellationToken cancellationToken = default)
    {
        var table = Table(collection);
        var fields = IndexedFields[table];
        var sql = $"INSERT INTO {table} (id, {string.Join(", ", fields)}, doc) VALUES ($id, {string.Join(", ", fields.Select(f => "$" + f))}, $doc)"
            + $" ON CONFLICT (id) DO UPDATE SET {string.Join(", ", fields.Append("doc").Select(f => $"{f} = excluded.{f}"))}";
        // One write operation: the batch shares a savepoint, so it lands whole or not at all.
        return database.WriteAsync(
            connection =>
            {
                foreach (var document in documents)
                {
                    Upsert(connection, table, fields, sql, document);
                }

                return documents.Count;
            },
            cancellationToken);
    }

    private static void Upsert(SqliteConnection connection, string table, string[] fields, string sql, BsonDocument document)
    {
        if (!document.TryGetValue("_id", out var id) || !id.IsObjectId)
        {
            throw new InvalidDataException($"{table}: a document has no ObjectId _id.");
        }

        var parameters = fields.Select(field => ("$" + field, ColumnValue(document.GetValue(field, BsonNull.Value))))
            .Prepend(("$id", (object?)id.AsObjectId.ToString()))
            .Append(("$doc", document.ToBson()))
            .ToArray();
        try
        {
            Execute(connection, sql, parameters);
        }
        catch (SqliteException exception) when (IsUniqueViolation(exception))
        {
            throw new DuplicateKeyException(table, "unique field", exception);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
        {
            throw new InvalidDataException($"{table}: document {id.AsObjectId} lacks a required field ({exception.Message}).", exception);
        }

        if (table == StorageCollections.Users)
        {
            EmbeddedUserRepository.SetRoles(connection, BsonSerializer.Deserialize<Users.User>(document));
        }
    }

    /// <summary>The column value the repositories write for a field: ids as hex, times as epoch milliseconds.</summary>
    private static object? ColumnValue(BsonValue value) => value.BsonType switch
    {
        BsonType.ObjectId => value.AsObjectId.ToString(),
        BsonType.DateTime => value.AsBsonDateTime.MillisecondsSinceEpoch,
        BsonType.Int32 => (long)value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        BsonType.String => value.AsString,
        BsonType.Null => null,
        _ => throw new InvalidDataException($"A {value.BsonType} cannot fill an indexed column."),
    };

    private static List<BsonDocument> ReadPage(SqliteConnection connection, string table, string after)
    {
        using var reader = CreateCommand(connection, $"SELECT doc FROM {table} WHERE id > $after ORDER BY id LIMIT {PageSize}", ("$after", after)).ExecuteReader();
        var page = new List<BsonDocument>(PageSize);
        while (reader.Read())
        {
            page.Add(BsonSerializer.Deserialize<BsonDocument>((byte[])reader[0]));
        }

        return page;
    }

    /// <summary>The table name, checked against the known collections (it is spliced into SQL).</summary>
    private static string Table(string collection) =>
        IndexedFields.ContainsKey(collection) ? collection : throw new ArgumentException($"'{collection}' is not a collection of this store.", nameof(collection));
}
