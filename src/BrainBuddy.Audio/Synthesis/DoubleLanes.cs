using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BrainBuddy.Audio.Synthesis;

/// <summary>A slide's phase since its anchor, computed in double precision four steps at a time.</summary>
internal interface IPhaseSinceAnchor
{
    /// <summary>Phase in cycles at steps <paramref name="step"/> .. step + 3 after the anchor, anchor phase included.</summary>
    Vector256<double> At(int step);
}

internal static class DoubleLanes
{
    /// <summary>Steps 0..3, added to a broadcast first step.</summary>
    public static Vector256<double> StepsFrom(int step) => Vector256.Create((double)step) + Vector256.Create(0.0, 1, 2, 3);

    /// <summary>Writes the phase of steps offset .. offset + destination.Length, narrowed to float.</summary>
    public static void Fill<TPhase>(Span<float> destination, int offset, TPhase phase)
        where TPhase : struct, IPhaseSinceAnchor
    {
        var lanes = Vector256<float>.Count;
        ref var target = ref MemoryMarshal.GetReference(destination);
        for (var i = 0; i < destination.Length; i += lanes)
        {
            var cycles = Vector256.Narrow(phase.At(offset + i), phase.At(offset + i + (lanes / 2)));
            if (destination.Length - i >= lanes)
            {
                cycles.StoreUnsafe(ref target, (nuint)i);
            }
            else
            {
                VectorTail.Store(cycles, destination[i..]);
            }
        }
    }
}
