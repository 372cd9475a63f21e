using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Rendering;

/// <summary>Turns two channels already scaled to 16-bit units into interleaved little-endian stereo frames.</summary>
internal static class PcmPacker
{
    public static void Pack(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<byte> destination)
    {
        // One 32-bit word per frame, left in the low half: on the little-endian hosts .NET runs on this is exactly
        // the WAV byte order, so no shuffles are needed to interleave.
        var frames = MemoryMarshal.Cast<byte, int>(destination)[..left.Length];
        ref var leftStart = ref MemoryMarshal.GetReference(left);
        ref var rightStart = ref MemoryMarshal.GetReference(right);
        ref var framesStart = ref MemoryMarshal.GetReference(frames);
        var lanes = Vector256<float>.Count;
        var i = 0;
        for (; i <= left.Length - lanes; i += lanes)
        {
            var low = ToInt16(Vector256.LoadUnsafe(ref leftStart, (nuint)i)) & Vector256.Create(0xFFFF);
            var high = Vector256.ShiftLeft(ToInt16(Vector256.LoadUnsafe(ref rightStart, (nuint)i)), 16);
            (low | high).StoreUnsafe(ref framesStart, (nuint)i);
        }

        for (; i < left.Length; i++)
        {
            frames[i] = (ToInt16(left[i]) & 0xFFFF) | (ToInt16(right[i]) << 16);
        }
    }

    // The native clamp and conversion skip the NaN and overflow fix-ups of the strict ones; on finite samples already
    // clamped into range both give the same bits on every host, and the mix never produces anything else.
    private static Vector256<int> ToInt16(Vector256<float> sample) =>
        Vector256.ConvertToInt32Native(Vector256.ClampNative(Vector256.Round(sample), Vector256.Create(-32768f), Vector256.Create(32767f)));

    // Round half to even, like the vector instruction, so the scalar tail matches bit for bit.

    private static int ToInt16(float sample) => (int)Math.Clamp(MathF.Round(sample), -32768f, 32767f);
}
