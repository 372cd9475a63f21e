using System.Buffers;
using BrainBuddy.Audio.Synthesis;

namespace BrainBuddy.Audio.Rendering;

/// <summary>
/// The bytes of one WAV file, produced on demand one fixed-size chunk at a time. Every sample is a pure function of
/// its frame index, so a chunk renders the same whether it is reached from the start or by seeking to it.
/// One instance per reader: it owns pooled buffers and the noise voices' block caches.
/// </summary>
internal sealed class WavByteSource : IDisposable
{
    /// <summary>
    /// 64 KiB of PCM per chunk: each chunk becomes one write to the destination, and a write can cost a thread-pool
    /// hand-off (FileStream) or a pipe flush (Kestrel); 16 KiB chunks doubled the wall time of writing a file to disk.
    /// </summary>
    public const int ChunkFrames = 16384;
    private const int ChunkBytes = ChunkFrames * WavHeader.BytesPerFrame;

    private readonly RenderPlan _plan;
    private readonly byte[] _header;
    private readonly IVoice[] _voices;
    private readonly RenderScratch _scratch = new(ChunkFrames);
    private readonly float[] _left = ArrayPool<float>.Shared.Rent(ChunkFrames);
    private readonly float[] _right = ArrayPool<float>.Shared.Rent(ChunkFrames);
    private readonly byte[] _pcm = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private long _chunk = -1;
    private int _chunkBytes;
    private bool _disposed;

    public WavByteSource(RenderPlan plan, byte[] header)
    {
        _plan = plan;
        _header = header;
        _voices = plan.CreateVoices();
        Length = WavHeader.FileBytes(plan.TotalFrames);
    }

    public long Length { get; }

    /// <summary>The bytes from <paramref name="position"/> to the end of the header or of the data chunk holding it.</summary>
    public ReadOnlyMemory<byte> BytesAt(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Length);
        if (position < _header.Length)
        {
            return _header.AsMemory((int)position);
        }

        var dataPosition = position - _header.Length;
        var chunk = dataPosition / ChunkBytes;
        if (chunk != _chunk)
        {
            Render(chunk);
        }

        var offset = (int)(dataPosition - (chunk * ChunkBytes));
        return _pcm.AsMemory(offset, _chunkBytes - offset);
    }

    /// <summary>
    /// Returns the pooled buffers once. Response pipelines may dispose a stream more than once (Dispose and
    /// DisposeAsync); returning an array to the pool twice would hand it to two concurrent renders.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var voice in _voices.OfType<IDisposable>())
        {
            voice.Dispose();
        }

        _scratch.Dispose();
        ArrayPool<float>.Shared.Return(_left);
        ArrayPool<float>.Shared.Return(_right);
        ArrayPool<byte>.Shared.Return(_pcm);
    }

    private void Render(long chunk)
    {
        var firstFrame = chunk * ChunkFrames;
        var frames = (int)Math.Min(ChunkFrames, _plan.TotalFrames - firstFrame);
        var left = _left.AsSpan(0, frames);
        var right = _right.AsSpan(0, frames);
        left.Clear();
        right.Clear();
        foreach (var voice in _voices)
        {
            voice.AddTo(firstFrame, left, right, _scratch);
        }

        _plan.Fades.Apply(firstFrame, left, right, _scratch);
        _chunkBytes = frames * WavHeader.BytesPerFrame;
        PcmPacker.Pack(left, right, _pcm.AsSpan(0, _chunkBytes));
        _chunk = chunk;
    }
}
