namespace BrainBuddy.Audio.Requests;

/// <summary>Values used when a request leaves a field out.</summary>
public static class AudioDefaults
{
    public const int SampleRate = 44100;

    /// <summary>-12 dBFS: comfortable on headphones at typical device volume, with head-room for the user's own volume control.</summary>
    public const double Volume = 0.25;

    public const double FadeSeconds = 5;

    public const double DurationSeconds = 600;

    public const double NoiseLevel = 0.3;
}
