using System.Buffers.Binary;
using System.Buffers.Text;

namespace BrainBuddy.Data.Storage;

/// <summary>One page of a newest-first listing; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset position (sort time, id) of the last item of a page, as an opaque URL-safe string. Listings sort
/// by (time desc, id desc), so items added while a client pages never shift the pages it has not read yet.
/// </summary>
public readonly record struct KeysetCursor(DateTime Time, string Id)
{
    private const int Size = 8 + 12;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Time.Ticks);
        Convert.FromHexString(Id).CopyTo(bytes[8..]);
        return Base64Url.EncodeToString(bytes);
    }

    public static KeysetCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[Size + 2];
        if (!TryDecode(cursor, bytes, Size))
        {
            throw new InvalidCursorException();
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw new InvalidCursorException();
        }

        return new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), Convert.ToHexStringLower(bytes[8..Size]));
    }

    /// <summary>Decodes exactly <paramref name="length"/> bytes of base64url; false for anything else (the decoder throws on some bad input).</summary>
    public static bool TryDecode(string text, Span<byte> destination, int length)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(text, destination, out var written) && written == length;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string? After<T>(IReadOnlyList<T> page, int limit, Func<T, DateTime> time, Func<T, string> id) =>
        page.Count < limit ? null : new KeysetCursor(time(page[^1]), id(page[^1])).Encode();
}
