using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>Frequency moving linearly from f0 to f1: phase(t) = f0 t + (f1 - f0) t^2 / (2 T).</summary>
internal sealed class LinearSlideSegment(long startFrame, long frames, double startCycles, double sampleRate, double from, double to)
    : TrackSegment(startFrame, frames, startCycles, sampleRate)
{
    private readonly double _change = to - from;

    protected override double CyclesAt(long local) =>
        StartCycles + (local / SampleRate * (from + (_change * local / (2.0 * Frames))));

    protected override void FillFromAnchor(double anchorCycles, long anchor, int offset, Span<float> destination)
    {
        var perStep = (from + (_change * anchor / Frames)) / SampleRate;
        var perStepSquared = _change / (2.0 * Frames * SampleRate);
        DoubleLanes.Fill(destination, offset, new PhaseSinceAnchor(anchorCycles, perStep, perStepSquared));
    }

    /// <summary>m steps after the anchor the phase has grown by m f(anchor) / rate + m^2 (f1 - f0) / (2 T rate), exactly.</summary>
    private readonly struct PhaseSinceAnchor(double anchorCycles, double perStep, double perStepSquared) : IPhaseSinceAnchor
    {
        public Vector256<double> At(int step)
        {
            var steps = DoubleLanes.StepsFrom(step);
            var rate = Vector256.FusedMultiplyAdd(steps, Vector256.Create(perStepSquared), Vector256.Create(perStep));
            return Vector256.FusedMultiplyAdd(steps, rate, Vector256.Create(anchorCycles));
        }
    }
}
