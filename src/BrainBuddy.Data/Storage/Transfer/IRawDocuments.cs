using MongoDB.Bson;

namespace BrainBuddy.Data.Storage.Transfer;

/// <summary>
/// Every collection as raw BSON, for moving a whole database between backends. Both backends store the very
/// documents the MongoDB serializer writes, so what one reads the other can take unchanged.
/// </summary>
public interface IRawDocuments
{
    /// <summary>Every document of <paramref name="collection"/> (one of <see cref="StorageCollections.All"/>), in _id order.</summary>
    IAsyncEnumerable<BsonDocument> ReadAllAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>Inserts each document, or replaces the stored one with the same _id: importing twice changes nothing.</summary>
    /// <exception cref="DuplicateKeyException">A document collides with another on a unique field (an email, a natural key).</exception>
    /// <exception cref="InvalidDataException">A document lacks a field the collection's indexes need.</exception>
    Task UpsertAsync(string collection, IReadOnlyList<BsonDocument> documents, CancellationToken cancellationToken = default);
}
