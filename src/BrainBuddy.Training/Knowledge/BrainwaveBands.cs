using BrainBuddy.Data;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// Which brainwave band a beat or pulse frequency falls in. Sources disagree on the edges; we follow the NCRI
/// glossary (delta 1-4, theta 4-7, alpha 8-12, beta 13-30, gamma &gt; 30 Hz) and close its gaps upwards, so every
/// frequency has exactly one band: delta &lt; 4 &lt;= theta &lt; 8 &lt;= alpha &lt; 13 &lt;= beta &lt;= 30 &lt; gamma.
/// </summary>
public static class BrainwaveBands
{
    /// <summary>Highest beat or pulse frequency a knowledge entry may state; 40-60 Hz gamma studies exist, nothing higher.</summary>
    public const double MaxFrequencyHz = 100;

    public static BrainwaveTarget Of(double frequencyHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequencyHz);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequencyHz, MaxFrequencyHz);
        return frequencyHz switch
        {
            < 4 => BrainwaveTarget.Delta,
            < 8 => BrainwaveTarget.Theta,
            < 13 => BrainwaveTarget.Alpha,
            <= 30 => BrainwaveTarget.Beta,
            _ => BrainwaveTarget.Gamma,
        };
    }
}
