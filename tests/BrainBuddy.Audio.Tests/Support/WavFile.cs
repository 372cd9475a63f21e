using System.Buffers.Binary;
using System.Text;

namespace BrainBuddy.Audio.Tests.Support;

/// <summary>A 16-bit PCM stereo WAV parsed independently of the renderer, checking every header field it relies on.</summary>
internal sealed record WavFile(int SampleRate, short[] Left, short[] Right)
{
    public static WavFile Parse(byte[] bytes)
    {
        Assert.Equal("RIFF", Ascii(bytes, 0));
        Assert.Equal((uint)(bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("WAVE", Ascii(bytes, 8));
        Assert.Equal("fmt ", Ascii(bytes, 12));
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));
        var sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24));
        Assert.Equal((uint)(sampleRate * 4), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal("data", Ascii(bytes, 36));
        var dataBytes = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40));
        Assert.Equal(bytes.Length - 44, dataBytes);

        var frames = dataBytes / 4;
        var left = new short[frames];
        var right = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            left[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + (4 * i)));
            right[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(46 + (4 * i)));
        }

        return new WavFile(sampleRate, left, right);
    }

    /// <summary>Samples [start, start + length) in seconds of one channel, as doubles for analysis.</summary>
    public static double[] Window(short[] channel, int sampleRate, double startSeconds, double lengthSeconds) =>
        [.. channel.Skip((int)Math.Round(startSeconds * sampleRate)).Take((int)Math.Round(lengthSeconds * sampleRate)).Select(sample => (double)sample)];

    private static string Ascii(byte[] bytes, int offset) => Encoding.ASCII.GetString(bytes, offset, 4);
}
