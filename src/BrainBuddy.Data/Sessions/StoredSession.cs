using System.Text;
using BrainBuddy.Data.Storage;
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
    public DateTime Timestamp => Field("timestamp"u8).DateTime;

    public string Id => Convert.ToHexStringLower(Field("_id"u8).Value);

    public TrainingSession ToSession() => BsonSerializer.Deserialize<TrainingSession>(Bson);

    private RawBsonElement Field(ReadOnlySpan<byte> name)
    {
        foreach (var element in new RawBsonElements(Bson))
        {
            if (element.Name.SequenceEqual(name))
            {
                return element;
            }
        }

        throw new InvalidDataException($"A stored session lacks its {Encoding.UTF8.GetString(name)}.");
    }
}
