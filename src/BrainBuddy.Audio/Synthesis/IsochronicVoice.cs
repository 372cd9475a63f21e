using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>The carrier in both ears, switched on and off once per beat cycle.</summary>
internal sealed class IsochronicVoice(PhaseTrack carrier, PhaseTrack beat, float gain) : IVoice
{
    /// <summary>Length of each raised-cosine edge, in beat cycles: 1 ms at 100 Hz, long enough not to click.</summary>
    private const float EdgeCycles = 0.1f;

    public void AddTo(long frame, Span<float> left, Span<float> right, RenderScratch scratch)
    {
        var phase = scratch.Phase(left.Length);
        var tone = scratch.Tone(left.Length);
        tone.Clear();
        carrier.AddSine(frame, 1, tone, phase);
        beat.Fill(frame, phase);
        ApplyGate(phase, tone);
        SpanMath.AddScaled(tone, gain, left);
        SpanMath.AddScaled(tone, gain, right);
    }

    /// <summary>
    /// On for the first half of each beat cycle: a raised-cosine rise over [0, edge], full level to 1/2 - edge, a
    /// raised-cosine fall to 1/2, then silence. Written as a function of the distance from the middle of the on-half.
    /// </summary>
    private static Vector256<float> Gate(Vector256<float> beatCycles)
    {
        var position = beatCycles - Vector256.Floor(beatCycles);
        var distance = Vector256.Abs(position - Vector256.Create(0.25f));
        var edge = Vector256.Create(EdgeCycles);
        var intoEdge = Vector256.Clamp((distance - (Vector256.Create(0.25f) - edge)) / edge, Vector256<float>.Zero, Vector256<float>.One);

        // 0.5 + 0.5 cos(pi x) = 0.5 + 0.5 sin(2 pi (x / 2 + 1/4))
        var half = Vector256.Create(0.5f);
        return half + (half * FastSine.SinCycles((intoEdge * half) + Vector256.Create(0.25f)));
    }

    private static void ApplyGate(ReadOnlySpan<float> beatCycles, Span<float> tone)
    {
        var lanes = Vector256<float>.Count;
        ref var toneStart = ref MemoryMarshal.GetReference(tone);
        ref var beatStart = ref MemoryMarshal.GetReference(beatCycles);
        var i = 0;
        for (; i <= tone.Length - lanes; i += lanes)
        {
            (Vector256.LoadUnsafe(ref toneStart, (nuint)i) * Gate(Vector256.LoadUnsafe(ref beatStart, (nuint)i)))
                .StoreUnsafe(ref toneStart, (nuint)i);
        }

        if (i < tone.Length)
        {
            VectorTail.Store(VectorTail.Load(tone[i..]) * Gate(VectorTail.Load(beatCycles[i..])), tone[i..]);
        }
    }
}
