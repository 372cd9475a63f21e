using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>
/// Writes JSON tokens straight into an <see cref="IBufferWriter{T}"/>: strings, numbers and dates come out byte for byte
/// as System.Text.Json writes them with the API's options (tests compare the two), but nothing checks the structure.
/// The caller writes the punctuation itself, so it must produce a well-formed document by construction. Listing pages
/// are written with it: <see cref="Utf8JsonWriter"/>'s per-token state checks and buffer bookkeeping were about half
/// of writing a page (bench/README.md). Call <see cref="Flush"/> at the end; until then bytes stay uncommitted.
/// </summary>
public ref struct JsonTokenWriter(IBufferWriter<byte> output)
{
    /// <summary>Asked of the output at a time, so a page is written in a few large pieces rather than per token.</summary>
    private const int ChunkSize = 2048;

    /// <summary>"-1.7976931348623157E+308" and the like.</summary>
    private const int MaxDoubleLength = 32;

    /// <summary>"yyyy-MM-ddTHH:mm:ss.fffffffZ", before trimming the fraction.</summary>
    private const int RoundTripTimeLength = 28;

    /// <summary>
    /// The bytes System.Text.Json leaves unescaped with its default encoder: printable ASCII except the two JSON
    /// specials <c>"</c> and <c>\</c> and the HTML-sensitive <c>&amp; ' + &lt; &gt; `</c>. Anything else, non-ASCII
    /// included, is escaped by System.Text.Json itself (<see cref="JsonEncodedText"/>), so the rare escaped string
    /// cannot differ from what <see cref="Utf8JsonWriter"/> writes.
    /// </summary>
    private static readonly SearchValues<byte> Unescaped = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (byte)c).Where(c => !"\"\\&'+<>`".Contains((char)c, StringComparison.Ordinal))]);

    private Span<byte> buffer;
    private int position;

    /// <summary>Punctuation and pre-encoded property names, copied as they are.</summary>
    public void Raw(ReadOnlySpan<byte> utf8)
    {
        Ensure(utf8.Length);
        utf8.CopyTo(buffer[position..]);
        position += utf8.Length;
    }

    public void Raw(byte utf8)
    {
        Ensure(1);
        buffer[position++] = utf8;
    }

    /// <summary>A quoted, escaped string from its UTF-8 bytes (invalid sequences become U+FFFD, as System.Text.Json writes them).</summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.ContainsAnyExcept(Unescaped))
        {
            Quoted(JsonEncodedText.Encode(utf8).EncodedUtf8Bytes);
        }
        else
        {
            Quoted(utf8);
        }
    }

    public void Number(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, buffer[position..], out var written);
        position += written;
    }

    /// <summary>The shortest text that reads back as the same double, as <see cref="Utf8JsonWriter"/> writes it.</summary>
    /// <exception cref="InvalidDataException">NaN and infinities, which JSON cannot express.</exception>
    public void Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new InvalidDataException("A stored number is NaN or infinite, which JSON cannot express.");
        }

        if (IsSmallInteger(value))
        {
            // Most stored numbers are whole (frequencies, durations); the shortest round-trip text of a whole double
            // below 10^15 is its integer digits, which format several times faster than the double does.
            Number((long)value);
            return;
        }

        Ensure(MaxDoubleLength);
        Utf8Formatter.TryFormat(value, buffer[position..], out var written);
        position += written;
    }

    public void Boolean(bool value) => Raw(value ? "true"u8 : "false"u8);

    public void Null() => Raw("null"u8);

    /// <summary>
    /// A UTC time as System.Text.Json writes a <see cref="DateTime"/> of kind UTC: ISO 8601 with the fraction of a second
    /// trimmed of trailing zeros, and left out when it is zero ("2026-12-06T22:45:02.31Z", "2026-12-06T22:45:02Z").
    /// </summary>
    public void UtcTime(DateTime utc)
    {
        Ensure(RoundTripTimeLength + 2);
        var text = buffer[(position + 1)..];
        Utf8Formatter.TryFormat(DateTime.SpecifyKind(utc, DateTimeKind.Utc), text, out _, new StandardFormat('O'));
        const int fractionStart = 20;
        var end = fractionStart + 7;
        while (end > fractionStart && text[end - 1] == '0')
        {
            end--;
        }

        if (end == fractionStart)
        {
            end--; // no fraction: the '.' goes too
        }

        text[end] = (byte)'Z';
        text[end + 1] = (byte)'"';
        buffer[position] = (byte)'"';
        position += end + 3;
    }

    /// <summary>Bytes as a quoted string of lowercase hex digits (how ids are written).</summary>
    public void LowercaseHex(ReadOnlySpan<byte> bytes)
    {
        Ensure((2 * bytes.Length) + 2);
        buffer[position++] = (byte)'"';
        Convert.TryToHexStringLower(bytes, buffer[position..], out var written);
        position += written;
        buffer[position++] = (byte)'"';
    }

    /// <summary>Commits everything written so far to the output.</summary>
    public void Flush()
    {
        // Kestrel's response writer refuses an Advance before any memory was asked of it, even of nothing.
        if (position > 0)
        {
            output.Advance(position);
        }

        buffer = default;
        position = 0;
    }

    /// <summary>Whole and below 10^15 in size, where the shortest text has no exponent; not -0, which is written "-0".</summary>
    private static bool IsSmallInteger(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Truncate(value) && !(value == 0 && double.IsNegative(value));

    private void Quoted(ReadOnlySpan<byte> escaped)
    {
        Ensure(escaped.Length + 2);
        buffer[position++] = (byte)'"';
        escaped.CopyTo(buffer[position..]);
        position += escaped.Length;
        buffer[position++] = (byte)'"';
    }

    private void Ensure(int count)
    {
        if (buffer.Length - position < count)
        {
            Flush();
            buffer = output.GetSpan(Math.Max(count, ChunkSize));
        }
    }
}
