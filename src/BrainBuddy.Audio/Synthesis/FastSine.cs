using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>
/// Single-precision sine of angles in cycles, eight lanes at a time. Every operation is an exactly specified IEEE one
/// (round, fused multiply-add), so the result is bit-identical whether the host runs AVX, NEON or the software fallback.
/// </summary>
internal static class FastSine
{
    // Taylor coefficients of sin(2*pi*y) in y; on |y| <= 1/4 the truncation error (~8e-10) is below float resolution.
    private const float C1 = 6.28318530717958648f;
    private const float C3 = -41.3417022403997f;
    private const float C5 = 81.6052492760750f;
    private const float C7 = -76.7058597530613f;
    private const float C9 = 42.0586939448086f;
    private const float C11 = -15.0946425768229f;
    private const float C13 = 3.81995258484828f;

    private static int Lanes => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SinCycles(Vector256<float> cycles)
    {
        var turn = cycles - Vector256.Round(cycles);
        var magnitude = Vector256.Abs(turn);

        // sin(pi - x) = sin(x) folds [1/4, 1/2] onto [0, 1/4]; the sign of the turn is restored at the end.
        var quarter = Vector256.Create(0.25f);
        var folded = Vector256.ConditionalSelect(
            Vector256.GreaterThan(magnitude, quarter), Vector256.Create(0.5f) - magnitude, magnitude);

        var square = folded * folded;
        var poly = Vector256.FusedMultiplyAdd(Vector256.Create(C13), square, Vector256.Create(C11));
        poly = Vector256.FusedMultiplyAdd(poly, square, Vector256.Create(C9));
        poly = Vector256.FusedMultiplyAdd(poly, square, Vector256.Create(C7));
        poly = Vector256.FusedMultiplyAdd(poly, square, Vector256.Create(C5));
        poly = Vector256.FusedMultiplyAdd(poly, square, Vector256.Create(C3));
        poly = Vector256.FusedMultiplyAdd(poly, square, Vector256.Create(C1));
        var sine = poly * folded;

        var signBit = Vector256.Create(-0.0f);
        return sine ^ (turn & signBit);
    }

    /// <summary>accumulator[i] += gain * sin(2 pi cycles[i]).</summary>
    public static void AddScaled(ReadOnlySpan<float> cycles, float gain, Span<float> accumulator)
    {
        var count = cycles.Length;
        ref var source = ref MemoryMarshal.GetReference(cycles);
        ref var target = ref MemoryMarshal.GetReference(accumulator);
        var scale = Vector256.Create(gain);

        var i = 0;
        for (; i <= count - Lanes; i += Lanes)
        {
            var sum = Vector256.FusedMultiplyAdd(
                SinCycles(Vector256.LoadUnsafe(ref source, (nuint)i)), scale, Vector256.LoadUnsafe(ref target, (nuint)i));
            sum.StoreUnsafe(ref target, (nuint)i);
        }

        if (i < count)
        {
            var sum = Vector256.FusedMultiplyAdd(SinCycles(VectorTail.Load(cycles[i..])), scale, VectorTail.Load(accumulator[i..count]));
            VectorTail.Store(sum, accumulator[i..count]);
        }
    }

    /// <summary>destination[i] = sin(2 pi cycles[i]).</summary>
    public static void Write(ReadOnlySpan<float> cycles, Span<float> destination)
    {
        var count = cycles.Length;
        ref var source = ref MemoryMarshal.GetReference(cycles);
        ref var target = ref MemoryMarshal.GetReference(destination);

        var i = 0;
        for (; i <= count - Lanes; i += Lanes)
        {
            SinCycles(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        if (i < count)
        {
            VectorTail.Store(SinCycles(VectorTail.Load(cycles[i..])), destination[i..count]);
        }
    }
}
