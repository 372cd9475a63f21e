namespace BrainBuddy.Audio.Requests;

/// <summary>The full description of a session track: what plays (voices), how it moves (segments) and how it is delivered.</summary>
public sealed record AudioTimeline
{
    public IReadOnlyList<Voice> Voices { get; init; } = [];

    public IReadOnlyList<Segment> Segments { get; init; } = [];

    /// <summary>Raised-cosine fade-in, in seconds.</summary>
    public double FadeIn { get; init; } = AudioDefaults.FadeSeconds;

    /// <summary>Raised-cosine fade-out, in seconds.</summary>
    public double FadeOut { get; init; } = AudioDefaults.FadeSeconds;

    /// <summary>22050, 44100 or 48000.</summary>
    public int SampleRate { get; init; } = AudioDefaults.SampleRate;

    /// <summary>Linear peak amplitude of the whole mix (1 = full scale).</summary>
    public double Volume { get; init; } = AudioDefaults.Volume;

    /// <summary>Noise seed. When absent it is derived from the other parameters, so the same request always gives the same bytes.</summary>
    public long? Seed { get; init; }
}
