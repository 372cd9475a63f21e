using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

internal static class SpanMath
{
    /// <summary>destination[i] += gain * source[i].</summary>
    public static void AddScaled(ReadOnlySpan<float> source, float gain, Span<float> destination)
    {
        var count = source.Length;
        var lanes = Vector256<float>.Count;
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        var scale = Vector256.Create(gain);

        var i = 0;
        for (; i <= count - lanes; i += lanes)
        {
            Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref from, (nuint)i), scale, Vector256.LoadUnsafe(ref to, (nuint)i))
                .StoreUnsafe(ref to, (nuint)i);
        }

        for (; i < count; i++)
        {
            destination[i] = MathF.FusedMultiplyAdd(source[i], gain, destination[i]);
        }
    }

    /// <summary>values[i] = clamp(values[i] * gain, -1, 1).</summary>
    public static void ScaleAndClamp(Span<float> values, float gain)
    {
        var lanes = Vector256<float>.Count;
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = 0;
        for (; i <= values.Length - lanes; i += lanes)
        {
            Vector256.Clamp(Vector256.LoadUnsafe(ref start, (nuint)i) * gain, -Vector256<float>.One, Vector256<float>.One)
                .StoreUnsafe(ref start, (nuint)i);
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.Clamp(values[i] * gain, -1, 1);
        }
    }
}
