using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>A constant frequency: phase grows by the same increment every frame.</summary>
internal sealed class HoldSegment : TrackSegment
{
    private static readonly Vector256<float> LaneIndex = Vector256.Create(0f, 1, 2, 3, 4, 5, 6, 7);

    /// <summary>Frames per exact anchor of the rotation: 16 steps of two vectors keep its rounding near 1e-6.</summary>
    private const int RotationFrames = 256;

    private readonly double _cyclesPerFrame;

    // Turning by sixteen frames' worth of phase: the two vectors of a step cover frames +0..7 and +8..15.
    private readonly Vector256<float> _turnSin;
    private readonly Vector256<float> _turnCos;

    public HoldSegment(long startFrame, long frames, double startCycles, double sampleRate, double frequency)
        : base(startFrame, frames, startCycles, sampleRate)
    {
        _cyclesPerFrame = frequency / sampleRate;
        var (sin, cos) = CycleMath.SinCos(_cyclesPerFrame * 2 * Lanes);
        _turnSin = Vector256.Create((float)sin);
        _turnCos = Vector256.Create((float)cos);
    }

    private static int Lanes => Vector256<float>.Count;

    /// <summary>
    /// Sine by complex rotation: every <see cref="RotationFrames"/> frames two vectors start from the exact anchor phase
    /// (sixteen consecutive frames) and then turn by sixteen frames per step. Two independent chains hide the latency
    /// of the recurrence, and the work is a fraction of evaluating the sine polynomial for every frame.
    /// </summary>
    public override void AddSine(long local, float gain, Span<float> accumulator, Span<float> scratch)
    {
        var end = local + accumulator.Length;
        for (var anchor = local - (local % RotationFrames); anchor < end; anchor += RotationFrames)
        {
            var anchorCycles = CycleMath.Frac(CyclesAt(anchor));
            var (lowSin, lowCos) = SinCos(LanePhases(anchorCycles, firstStep: 0));
            var (highSin, highCos) = SinCos(LanePhases(anchorCycles, firstStep: Lanes));
            for (var first = anchor; first < anchor + RotationFrames && first < end; first += 2 * Lanes)
            {
                AddLanes(lowSin, gain, accumulator, first - local);
                AddLanes(highSin, gain, accumulator, first + Lanes - local);
                (lowSin, lowCos) = Turn(lowSin, lowCos);
                (highSin, highCos) = Turn(highSin, highCos);
            }
        }
    }

    protected override double CyclesAt(long local) => StartCycles + (_cyclesPerFrame * local);

    protected override void FillFromAnchor(double anchorCycles, long anchor, int offset, Span<float> destination)
    {
        ref var target = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        for (; i <= destination.Length - Lanes; i += Lanes)
        {
            LanePhases(anchorCycles, offset + i).StoreUnsafe(ref target, (nuint)i);
        }

        if (i < destination.Length)
        {
            VectorTail.Store(LanePhases(anchorCycles, offset + i), destination[i..]);
        }
    }

    /// <summary>
    /// Phase of frames anchor + firstStep + lane. Within one anchor block it stays below ~5 cycles, where float still
    /// resolves 5e-7 cycles (under 0.1 of a 16-bit step).
    /// </summary>
    private Vector256<float> LanePhases(double anchorCycles, int firstStep) =>
        Vector256.Create((float)anchorCycles) + (Vector256.Create((float)_cyclesPerFrame) * (LaneIndex + Vector256.Create((float)firstStep)));

    private static (Vector256<float> Sin, Vector256<float> Cos) SinCos(Vector256<float> cycles) =>
        (FastSine.SinCycles(cycles), FastSine.SinCycles(cycles + Vector256.Create(0.25f)));

    /// <summary>accumulator[position + lane] += gain * sin[lane], for the lanes that fall inside the accumulator.</summary>
    private static void AddLanes(Vector256<float> sin, float gain, Span<float> accumulator, long position)
    {
        if (position >= 0 && position + Lanes <= accumulator.Length)
        {
            ref var target = ref MemoryMarshal.GetReference(accumulator);
            Vector256.FusedMultiplyAdd(sin, Vector256.Create(gain), Vector256.LoadUnsafe(ref target, (nuint)position))
                .StoreUnsafe(ref target, (nuint)position);
            return;
        }

        for (var lane = 0; lane < Lanes; lane++)
        {
            var index = position + lane;
            if (index >= 0 && index < accumulator.Length)
            {
                accumulator[(int)index] = MathF.FusedMultiplyAdd(sin.GetElement(lane), gain, accumulator[(int)index]);
            }
        }
    }

    /// <summary>Rotates (sin, cos) by sixteen frames: the angle-sum identities.</summary>
    private (Vector256<float> Sin, Vector256<float> Cos) Turn(Vector256<float> sin, Vector256<float> cos) =>
        ((sin * _turnCos) + (cos * _turnSin), (cos * _turnCos) - (sin * _turnSin));
}
