using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Tests.Support;

/// <summary>Short timelines at 22050 Hz without fades unless a test needs otherwise, to keep the suite fast.</summary>
internal static class Timelines
{
    public const int Rate = 22050;

    public static AudioTimeline Tone(VoiceKind kind, double carrier, double beat, double seconds, double volume = 0.5) => new()
    {
        Voices = [new Voice { Kind = kind }],
        Segments = [new Segment { Duration = seconds, Carrier = carrier, Beat = beat }],
        SampleRate = Rate,
        Volume = volume,
        FadeIn = 0,
        FadeOut = 0,
    };

    public static AudioTimeline Noise(VoiceKind kind, double seconds) => new()
    {
        Voices = [new Voice { Kind = kind }],
        Segments = [new Segment { Duration = seconds }],
        SampleRate = Rate,
        Volume = 0.5,
        FadeIn = 0,
        FadeOut = 0,
        Seed = 42,
    };
}
