using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>
/// Runs the last, partial vector of a span through the same vector code as the rest, so a frame's value never depends
/// on whether it happened to fall in a full vector (which would break byte-identical range renders).
/// </summary>
internal static class VectorTail
{
    public static Vector256<float> Load(ReadOnlySpan<float> rest)
    {
        Span<float> padded = stackalloc float[Vector256<float>.Count];
        padded.Clear();
        rest.CopyTo(padded);
        return Vector256.Create((ReadOnlySpan<float>)padded);
    }

    public static void Store(Vector256<float> value, Span<float> rest)
    {
        Span<float> padded = stackalloc float[Vector256<float>.Count];
        value.CopyTo(padded);
        padded[..rest.Length].CopyTo(rest);
    }
}
