using System.Buffers.Text;
using MongoDB.Bson;

namespace BrainBuddy.Data.Knowledge;

/// <summary>Whether two entries say the same thing, ignoring id and audit times (an unchanged re-import writes nothing).</summary>
public static class KnowledgeContent
{
    public static bool Equal(KnowledgeEntry left, KnowledgeEntry right) => Comparable(left).Equals(Comparable(right));

    /// <summary>
    /// Decides what an upsert by natural key does, and stamps <paramref name="entry"/> for it: a new entry is added; one
    /// equal to the stored entry is left alone; otherwise it replaces the stored entry under the stored id.
    /// </summary>
    public static UpsertOutcome PrepareUpsert(KnowledgeEntry? stored, KnowledgeEntry entry, DateTime now)
    {
        if (stored is null)
        {
            entry.CreatedAt = entry.UpdatedAt = now;
            return UpsertOutcome.Added;
        }

        entry.Id = stored.Id;
        entry.CreatedAt = stored.CreatedAt;
        entry.UpdatedAt = stored.UpdatedAt;
        if (Equal(stored, entry))
        {
            return UpsertOutcome.Unchanged;
        }

        entry.UpdatedAt = now;
        return UpsertOutcome.Updated;
    }

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
