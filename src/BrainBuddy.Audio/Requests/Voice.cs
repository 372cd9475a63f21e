namespace BrainBuddy.Audio.Requests;

/// <summary>One layer of the mix. Tone voices follow the timeline's segments; noise voices ignore them.</summary>
public sealed record Voice
{
    public VoiceKind Kind { get; init; }

    /// <summary>Relative weight in the mix, in (0, 1]. The mix is normalised, so only the ratios between voices matter.</summary>
    public double Level { get; init; } = 1;

    internal bool IsNoise => Kind is VoiceKind.WhiteNoise or VoiceKind.PinkNoise or VoiceKind.BrownNoise;
}
