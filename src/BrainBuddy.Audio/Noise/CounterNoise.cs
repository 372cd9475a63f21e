using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Noise;

/// <summary>
/// White noise as a pure function of (stream, sample index): a keyed integer hash of a counter. Any sample can be
/// produced without producing the ones before it, which is what lets a range render start anywhere, and eight samples
/// are hashed at once in 32-bit lanes.
/// </summary>
internal static class CounterNoise
{
    /// <summary>An independent stream per voice and channel, so two noise voices or two ears never correlate.</summary>
    public static NoiseStream Stream(ulong seed, int voice, int channel)
    {
        var key = SplitMix(seed ^ SplitMix((ulong)((voice * 2) + channel + 1)));
        return new NoiseStream((uint)key, (uint)(key >> 32));
    }

    /// <summary>Writes uniform samples in [-1, 1) with 24-bit resolution for indices first .. first + destination.Length.</summary>
    public static void Fill(NoiseStream stream, long first, Span<float> destination)
    {
        var lanes = Vector256<uint>.Count;
        ref var target = ref MemoryMarshal.GetReference(destination);

        // Indices wrap at 2^32 samples (over 24 hours at 48 kHz), far beyond the longest render.
        var index = Vector256.Create((uint)first) + Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);
        for (var i = 0; i < destination.Length; i += lanes)
        {
            // Hashing twice with independent keys breaks the shift relation a single keyed hash leaves between streams.
            var bits = LowBias(LowBias((index * Vector256.Create(0x9E3779B9u)) + Vector256.Create(stream.Offset)) ^ Vector256.Create(stream.Mask));
            var uniform = (Vector256.ConvertToSingle(Vector256.ShiftRightLogical(bits, 8).AsInt32()) * Vector256.Create(1f / (1 << 23)))
                - Vector256<float>.One;
            if (destination.Length - i >= lanes)
            {
                uniform.StoreUnsafe(ref target, (nuint)i);
            }
            else
            {
                Synthesis.VectorTail.Store(uniform, destination[i..]);
            }

            index += Vector256.Create((uint)lanes);
        }
    }

    /// <summary>Chris Wellons' "lowbias32" integer hash: a bijection with very low bias, built from 32-bit lane operations.</summary>
    private static Vector256<uint> LowBias(Vector256<uint> x)
    {
        x ^= Vector256.ShiftRightLogical(x, 16);
        x *= Vector256.Create(0x7feb352du);
        x ^= Vector256.ShiftRightLogical(x, 15);
        x *= Vector256.Create(0x846ca68bu);
        return x ^ Vector256.ShiftRightLogical(x, 16);
    }

    private static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}

internal readonly record struct NoiseStream(uint Offset, uint Mask);
