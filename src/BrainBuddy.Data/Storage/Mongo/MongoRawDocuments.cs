using System.Runtime.CompilerServices;
using BrainBuddy.Data.Storage.Transfer;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BrainBuddy.Data.Storage.Mongo;

internal sealed class MongoRawDocuments(IMongoDatabase database) : IRawDocuments
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    internal static readonly SortDefinition<BsonDocument> ByIdAscending = Builders<BsonDocument>.Sort.Ascending("_id");

    public async IAsyncEnumerable<BsonDocument> ReadAllAsync(string collection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var cursor = await Collection(collection).Find(Filter.Empty).Sort(ByIdAscending).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return document;
            }
        }
    }

    public async Task UpsertAsync(string collection, IReadOnlyList<BsonDocument> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            return;
        }

        try
        {
            await Collection(collection).BulkWriteAsync(UpsertModels(documents), new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException exception) when (exception.WriteErrors.Any(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            throw new DuplicateKeyException(collection, "unique field", exception);
        }
    }

    /// <summary>One replace-or-insert per document, matched on _id alone.</summary>
    internal static IEnumerable<ReplaceOneModel<BsonDocument>> UpsertModels(IReadOnlyList<BsonDocument> documents) =>
        documents.Select(document => new ReplaceOneModel<BsonDocument>(
            Filter.Eq("_id", document.TryGetValue("_id", out var id) && id.IsObjectId ? id : throw new InvalidDataException("A document has no ObjectId _id.")),
            document) { IsUpsert = true });

    private IMongoCollection<BsonDocument> Collection(string name) =>
        StorageCollections.All.Contains(name)
            ? database.GetCollection<BsonDocument>(name)
            : throw new ArgumentException($"'{name}' is not a collection of this store.", nameof(name));
}
