using System.Buffers;
using BrainBuddy.Audio.Synthesis;

namespace BrainBuddy.Audio.Noise;

/// <summary>Background noise, independent in each ear. Keeps the last rendered block per ear, so sequential chunks render each block once.</summary>
internal sealed class NoiseVoice(NoiseShape shape, NoiseStream leftStream, NoiseStream rightStream, float gain) : IVoice, IDisposable
{
    public const int BlockFrames = 32768;

    private readonly CachedBlock _left = new(shape, leftStream);
    private readonly CachedBlock _right = new(shape, rightStream);

    public void AddTo(long frame, Span<float> left, Span<float> right, RenderScratch scratch)
    {
        _left.AddTo(frame, gain, left);
        _right.AddTo(frame, gain, right);
    }

    public void Dispose()
    {
        _left.Dispose();
        _right.Dispose();
    }

    private sealed class CachedBlock(NoiseShape shape, NoiseStream stream) : IDisposable
    {
        private readonly float[] _samples = ArrayPool<float>.Shared.Rent(BlockFrames);
        private long _block = -1;

        public void AddTo(long frame, float gain, Span<float> destination)
        {
            var written = 0;
            while (written < destination.Length)
            {
                var position = frame + written;
                var block = position / BlockFrames;
                if (block != _block)
                {
                    shape.Render(stream, block * BlockFrames, _samples.AsSpan(0, BlockFrames));
                    _block = block;
                }

                var offset = (int)(position % BlockFrames);
                var count = Math.Min(BlockFrames - offset, destination.Length - written);
                SpanMath.AddScaled(_samples.AsSpan(offset, count), gain, destination.Slice(written, count));
                written += count;
            }
        }

        public void Dispose() => ArrayPool<float>.Shared.Return(_samples);
    }
}
