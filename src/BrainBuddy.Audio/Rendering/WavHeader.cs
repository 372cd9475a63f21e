using System.Buffers.Binary;
using System.Text;

namespace BrainBuddy.Audio.Rendering;

/// <summary>The canonical 44-byte RIFF/WAVE header for 16-bit PCM stereo.</summary>
internal static class WavHeader
{
    public const int Size = 44;
    public const int Channels = 2;
    public const int BitsPerSample = 16;
    public const int BytesPerFrame = Channels * BitsPerSample / 8;

    /// <summary>The RIFF size field (data + 36) is 32-bit; this is the largest whole number of frames that fits.</summary>
    public const long MaxFrames = (uint.MaxValue - 36L) / BytesPerFrame;

    public static long DataBytes(long frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frames, MaxFrames);
        return frames * BytesPerFrame;
    }

    /// <summary>The whole file: header plus data.</summary>
    public static long FileBytes(long frames) => Size + DataBytes(frames);

    public static byte[] Create(int sampleRate, long frames)
    {
        var dataBytes = (uint)DataBytes(frames);
        var header = new byte[Size];
        var span = header.AsSpan();
        Encoding.ASCII.GetBytes("RIFF", span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], dataBytes + 36);
        Encoding.ASCII.GetBytes("WAVE", span[8..]);
        Encoding.ASCII.GetBytes("fmt ", span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * BytesPerFrame));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], BytesPerFrame);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], BitsPerSample);
        Encoding.ASCII.GetBytes("data", span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], dataBytes);
        return header;
    }
}
