using System.Buffers.Text;
using MongoDB.Bson;

namespace BrainBuddy.Data.Knowledge;

/// <summary>Whether two entries say the same thing, ignoring id and audit times (an unchanged re-import writes nothing).</summary>
public static class KnowledgeContent
{
    public static bool Equal(KnowledgeEntry left, KnowledgeEntry right) => Comparable(left).Equals(Comparable(right));

    private static BsonDocument Comparable(KnowledgeEntry entry)
    {
        var document = entry.ToBsonDocument();
        document.Remove("_id");
        document.Remove("created_at");
        document.Remove("updated_at");
        return document;
    }
}

/// <summary>Knowledge listings page by id; the cursor is the last id, opaque to clients.</summary>
public static class KnowledgeCursor
{
    public static string Encode(string id) => Base64Url.EncodeToString(Convert.FromHexString(id));

    public static string Decode(string cursor)
    {
        Span<byte> bytes = stackalloc byte[14];
        return Storage.KeysetCursor.TryDecode(cursor, bytes, 12)
            ? Convert.ToHexStringLower(bytes[..12])
            : throw new Storage.InvalidCursorException();
    }
}
