using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Bench;

/// <summary>The work every number in bench/README.md refers to: a 10-minute 44.1 kHz binaural WAV, 200 Hz carrier, 10 Hz beat, level 0.5, 5 s fades.</summary>
internal static class StandardWork
{
    public const double Seconds = 600;

    /// <summary>The same file made by sox: 200 Hz left, 210 Hz right, same level and fades.</summary>
    public static string SoxArguments(string output) =>
        $"-D -n -r 44100 -c 2 -b 16 -e signed-integer {output} synth {Seconds} sine 200 sine 210 vol 0.5 fade t 5 {Seconds} 5";

    public static AudioTimeline Binaural(double seconds) => new BinauralRequest
    {
        Carrier = 200,
        Beat = 10,
        Duration = seconds,
        SampleRate = 44100,
        Volume = 0.5,
        Fade = 5,
    }.ToTimeline();

    /// <summary>Not part of the comparison with sox: shows what pink noise, isochronic gating and slides cost.</summary>
    public static AudioTimeline FullMix(double seconds) => new()
    {
        Voices =
        [
            new Voice { Kind = VoiceKind.Binaural },
            new Voice { Kind = VoiceKind.Isochronic, Level = 0.5 },
            new Voice { Kind = VoiceKind.PinkNoise, Level = 0.3 },
        ],
        Segments =
        [
            new Segment { Duration = seconds / 4, Beat = 14, Carrier = 220 },
            new Segment { Duration = seconds / 2, BeatEnd = 10, CarrierEnd = 200, Slide = SlideShape.Smooth },
            new Segment { Duration = seconds / 4 },
        ],
        SampleRate = 44100,
        Volume = 0.5,
    };
}
