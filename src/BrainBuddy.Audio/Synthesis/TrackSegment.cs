namespace BrainBuddy.Audio.Synthesis;

/// <summary>
/// One segment of a phase track. Its phase is a closed-form integral of its frequency curve, evaluated in double
/// precision at an anchor every <see cref="AnchorFrames"/> frames (counted from the segment start), and only the short
/// step from the anchor to each frame is done in single precision. Nothing accumulates from frame to frame, so the phase
/// after an hour is as exact as after a second, and a frame's value never depends on where a render started.
/// </summary>
internal abstract class TrackSegment(long startFrame, long frames, double startCycles, double sampleRate)
{
    public const int AnchorFrames = 64;

    public long StartFrame { get; } = startFrame;

    public long Frames { get; } = frames;

    public long EndFrame => StartFrame + Frames;

    /// <summary>Phase at the first frame, in [0, 1) cycles.</summary>
    protected double StartCycles { get; } = startCycles;

    protected double SampleRate { get; } = sampleRate;

    /// <summary>Total cycles this segment advances; the next segment starts where this one ends.</summary>
    public double CyclesAdvanced => CyclesAt(Frames) - StartCycles;

    /// <summary>Writes the phase in cycles of segment-local frames [local, local + destination.Length).</summary>
    public void Fill(long local, Span<float> destination)
    {
        var written = 0;
        while (written < destination.Length)
        {
            var frame = local + written;
            var anchor = frame & ~(long)(AnchorFrames - 1);
            var offset = (int)(frame - anchor);
            var count = Math.Min(AnchorFrames - offset, destination.Length - written);
            FillFromAnchor(CycleMath.Frac(CyclesAt(anchor)), anchor, offset, destination.Slice(written, count));
            written += count;
        }
    }

    /// <summary>accumulator[i] += gain * sin(phase of segment-local frame local + i); <paramref name="scratch"/> is at least as long.</summary>
    public virtual void AddSine(long local, float gain, Span<float> accumulator, Span<float> scratch)
    {
        var phase = scratch[..accumulator.Length];
        Fill(local, phase);
        FastSine.AddScaled(phase, gain, accumulator);
    }

    /// <summary>Unwrapped phase at segment-local frame <paramref name="local"/>, starting from <see cref="StartCycles"/>.</summary>
    protected abstract double CyclesAt(long local);

    /// <summary>Writes frames anchor + offset ... as <paramref name="anchorCycles"/> plus the phase gained since the anchor.</summary>
    protected abstract void FillFromAnchor(double anchorCycles, long anchor, int offset, Span<float> destination);
}
