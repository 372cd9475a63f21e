using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>
/// Frequency easing from f0 to f1 along a raised cosine, f(t) = f0 + (f1 - f0) (1 - cos(pi t / T)) / 2, whose integral is
/// phase(t) = (f0 + (f1 - f0) / 2) t - (f1 - f0) T / (2 pi) sin(pi t / T).
/// </summary>
internal sealed class SmoothSlideSegment : TrackSegment
{
    private readonly double _meanCyclesPerFrame;
    private readonly double _wobble;

    // sin(pi m / T) and cos(pi m / T) - 1 for the steps m inside one anchor block (plus one vector of padding for the
    // last partial vector); the angle-sum identity turns them into the exact change of the sine term since the anchor
    // without a double-precision sine per frame.
    private readonly double[] _stepSin = new double[AnchorFrames + Vector256<float>.Count];
    private readonly double[] _stepCosMinusOne = new double[AnchorFrames + Vector256<float>.Count];

    public SmoothSlideSegment(long startFrame, long frames, double startCycles, double sampleRate, double from, double to)
        : base(startFrame, frames, startCycles, sampleRate)
    {
        var change = to - from;
        _meanCyclesPerFrame = (from + (change / 2)) / sampleRate;
        _wobble = change * frames / (2 * Math.PI * sampleRate);
        for (var step = 0; step < _stepSin.Length; step++)
        {
            _stepSin[step] = CycleMath.SinCos(AngleCycles(step)).Sin;

            // 1 - cos(x) = 2 sin^2(x / 2) keeps full precision for the tiny angles of long slides.
            var halfSin = CycleMath.SinCos(AngleCycles(step) / 2).Sin;
            _stepCosMinusOne[step] = -2 * halfSin * halfSin;
        }
    }

    protected override double CyclesAt(long local) =>
        StartCycles + (_meanCyclesPerFrame * local) - (_wobble * CycleMath.SinCos(AngleCycles(local)).Sin);

    protected override void FillFromAnchor(double anchorCycles, long anchor, int offset, Span<float> destination)
    {
        var (anchorSin, anchorCos) = CycleMath.SinCos(AngleCycles(anchor));
        DoubleLanes.Fill(destination, offset, new PhaseSinceAnchor(this, anchorCycles, -_wobble * anchorSin, -_wobble * anchorCos));
    }

    /// <summary>The angle pi * local / T, in cycles.</summary>
    private double AngleCycles(long local) => local / (2.0 * Frames);

    /// <summary>sin(a + x) - sin(a) = sin(a) (cos(x) - 1) + cos(a) sin(x), with a at the anchor and x the step's angle.</summary>
    private readonly struct PhaseSinceAnchor(SmoothSlideSegment segment, double anchorCycles, double cosMinusOneWeight, double sinWeight)
        : IPhaseSinceAnchor
    {
        public Vector256<double> At(int step)
        {
            var linear = Vector256.FusedMultiplyAdd(
                DoubleLanes.StepsFrom(step), Vector256.Create(segment._meanCyclesPerFrame), Vector256.Create(anchorCycles));
            var withCos = Vector256.FusedMultiplyAdd(
                Vector256.Create(cosMinusOneWeight), Vector256.Create(segment._stepCosMinusOne.AsSpan(step)), linear);
            return Vector256.FusedMultiplyAdd(Vector256.Create(sinWeight), Vector256.Create(segment._stepSin.AsSpan(step)), withCos);
        }
    }
}
