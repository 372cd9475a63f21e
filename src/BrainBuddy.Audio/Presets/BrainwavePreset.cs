namespace BrainBuddy.Audio.Presets;

/// <summary>A band's edges and the beat and carrier a session uses when the caller gives none.</summary>
public sealed record BrainwavePreset(
    BrainwaveTarget Target,
    double BandLowHz,
    double BandHighHz,
    double DefaultBeatHz,
    double DefaultCarrierHz)
{
    public bool Contains(double beatHz) => beatHz >= BandLowHz && beatHz <= BandHighHz;
}
