namespace BrainBuddy.Audio.Presets;

/// <summary>
/// Band edges and defaults per brainwave target (sources in the project README, from
/// /work/shared/reference/knowledge-references.md "Brainwave bands" and "Audio parameters for binaural beats").
/// </summary>
public static class AudioPresets
{
    // Band edges: sources disagree by a hertz or so; these follow the wider convention (delta from 0.5 Hz as in
    // Schade 2020, alpha to 13 Hz as in Thompson 2021, gamma to 100 Hz as in the J Alzheimer's Dis review) so a
    // band check never rejects a beat one of the cited studies used.
    // Carriers stay in the 200-500 Hz range the studies used and well below the ~1000 Hz where Oster (1973) reports
    // binaural beats fade; gamma uses 340 Hz, the carrier of the 40 Hz studies (Colzato 2017, Leistiko 2023).
    public static IReadOnlyList<BrainwavePreset> All { get; } =
    [
        new(BrainwaveTarget.Delta, 0.5, 4, DefaultBeatHz: 2, DefaultCarrierHz: 200),
        new(BrainwaveTarget.Theta, 4, 8, DefaultBeatHz: 6, DefaultCarrierHz: 220),
        new(BrainwaveTarget.Alpha, 8, 13, DefaultBeatHz: 10, DefaultCarrierHz: 250),
        new(BrainwaveTarget.Beta, 13, 30, DefaultBeatHz: 18, DefaultCarrierHz: 300),
        new(BrainwaveTarget.Gamma, 30, 100, DefaultBeatHz: 40, DefaultCarrierHz: 340),
    ];

    public static BrainwavePreset For(BrainwaveTarget target) =>
        All.FirstOrDefault(preset => preset.Target == target)
        ?? throw new ArgumentOutOfRangeException(nameof(target), target, "No preset for this target.");

    /// <summary>The lowest band containing the beat, or null when the beat is outside every band.</summary>
    public static BrainwavePreset? ForBeat(double beatHz) => All.FirstOrDefault(preset => preset.Contains(beatHz));
}
