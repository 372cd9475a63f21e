using BrainBuddy.Data;

namespace BrainBuddy.Training.Personalization.Features;

/// <summary>The conventional EEG bands in hertz; gamma is capped at 50 Hz, where entrainment beats stop.</summary>
public static class BrainwaveBands
{
    private const double LowestHz = 0.5;
    private const double HighestHz = 50;

    public static (double Low, double High) Of(BrainwaveTarget target) => target switch
    {
        BrainwaveTarget.Delta => (0.5, 4),
        BrainwaveTarget.Theta => (4, 8),
        BrainwaveTarget.Alpha => (8, 13),
        BrainwaveTarget.Beta => (13, 30),
        BrainwaveTarget.Gamma => (30, 50),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    public static BrainwaveTarget Containing(double beatFrequency) => beatFrequency switch
    {
        < 4 => BrainwaveTarget.Delta,
        < 8 => BrainwaveTarget.Theta,
        < 13 => BrainwaveTarget.Alpha,
        < 30 => BrainwaveTarget.Beta,
        _ => BrainwaveTarget.Gamma,
    };

    /// <summary>0 at the band's lower edge, 1 at its upper edge, clamped.</summary>
    public static double PositionWithin(BrainwaveTarget target, double beatFrequency)
    {
        var (low, high) = Of(target);
        return Math.Clamp((beatFrequency - low) / (high - low), 0, 1);
    }

    /// <summary>0 at 0.5 Hz, 1 at 50 Hz on a log scale, clamped.</summary>
    public static double LogPosition(double beatFrequency) =>
        Math.Clamp(Math.Log(beatFrequency / LowestHz) / Math.Log(HighestHz / LowestHz), 0, 1);
}
