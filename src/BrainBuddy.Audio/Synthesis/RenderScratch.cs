using System.Buffers;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>Working buffers of one chunk, rented once per render so memory stays flat whatever the duration.</summary>
internal sealed class RenderScratch : IDisposable
{
    private readonly float[] _phase;
    private readonly float[] _tone;

    public RenderScratch(int frames)
    {
        _phase = ArrayPool<float>.Shared.Rent(frames);
        _tone = ArrayPool<float>.Shared.Rent(frames);
    }

    public Span<float> Phase(int frames) => _phase.AsSpan(0, frames);

    public Span<float> Tone(int frames) => _tone.AsSpan(0, frames);

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_phase);
        ArrayPool<float>.Shared.Return(_tone);
    }
}
