using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace BrainBuddy.Data.Sessions;

/// <summary>
/// A listed session as its stored BSON. Listings hand out the bytes rather than objects because the API writes each
/// page's JSON straight from them: building an object per item and then its JSON was most of a listing's cost
/// (bench/README.md). <see cref="ToSession"/> gives the object to callers that want it.
/// </summary>
public sealed record StoredSession(byte[] Bson)
{
    /// <summary>Read from the bytes when asked: a page's cursor needs only its last item's, so no row pays for it.</summary>
    public DateTime Timestamp => Field("timestamp").ToUniversalTime();

    public string Id => Field("_id").AsObjectId.ToString();

    public TrainingSession ToSession() => BsonSerializer.Deserialize<TrainingSession>(Bson);

    private BsonValue Field(string name)
    {
        using var document = new RawBsonDocument(Bson);
        return document[name];
    }
}
