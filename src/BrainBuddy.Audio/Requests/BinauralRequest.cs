using BrainBuddy.Audio.Presets;

namespace BrainBuddy.Audio.Requests;

/// <summary>
/// The simple case, bound from query parameters: one binaural voice held for the whole duration, with optional background noise.
/// Anything left out comes from the target's preset (alpha when neither target nor beat is given).
/// </summary>
public sealed record BinauralRequest
{
    public BrainwaveTarget? Target { get; init; }

    /// <summary>Carrier (left ear) in Hz.</summary>
    public double? Carrier { get; init; }

    /// <summary>Beat in Hz; the right ear hears carrier + beat.</summary>
    public double? Beat { get; init; }

    /// <summary>Length in seconds.</summary>
    public double Duration { get; init; } = AudioDefaults.DurationSeconds;

    public int SampleRate { get; init; } = AudioDefaults.SampleRate;

    public double Volume { get; init; } = AudioDefaults.Volume;

    /// <summary>Fade-in and fade-out, each in seconds.</summary>
    public double Fade { get; init; } = AudioDefaults.FadeSeconds;

    public NoiseColor Noise { get; init; } = NoiseColor.None;

    /// <summary>Weight of the noise against the tone (weight 1), in [0, 1].</summary>
    public double NoiseLevel { get; init; } = AudioDefaults.NoiseLevel;

    public long? Seed { get; init; }

    internal BrainwavePreset Preset =>
        Target is { } target ? AudioPresets.For(target)
        : Beat is { } beat ? AudioPresets.ForBeat(beat) ?? AudioPresets.For(BrainwaveTarget.Alpha)
        : AudioPresets.For(BrainwaveTarget.Alpha);

    internal double EffectiveBeat => Beat ?? Preset.DefaultBeatHz;

    internal double EffectiveCarrier => Carrier ?? Preset.DefaultCarrierHz;

    public AudioTimeline ToTimeline()
    {
        var voices = new List<Voice> { new() { Kind = VoiceKind.Binaural } };
        if (Noise != NoiseColor.None && NoiseLevel > 0)
        {
            voices.Add(new Voice { Kind = NoiseVoiceKind(Noise), Level = NoiseLevel });
        }

        return new AudioTimeline
        {
            Voices = voices,
            Segments = [new Segment { Duration = Duration, Beat = EffectiveBeat, Carrier = EffectiveCarrier }],
            FadeIn = Fade,
            FadeOut = Fade,
            SampleRate = SampleRate,
            Volume = Volume,
            Seed = Seed,
        };
    }

    private static VoiceKind NoiseVoiceKind(NoiseColor color) => color switch
    {
        NoiseColor.White => VoiceKind.WhiteNoise,
        NoiseColor.Pink => VoiceKind.PinkNoise,
        NoiseColor.Brown => VoiceKind.BrownNoise,
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "Not a noise color."),
    };
}
