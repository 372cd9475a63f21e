using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Rendering;

/// <summary>A canonical text of everything that determines the output bytes, hashed into the noise seed and the strong ETag.</summary>
internal static class AudioFingerprint
{
    /// <summary>Bump whenever a synthesis change alters output bytes, so caches holding the old bytes see a new ETag.</summary>
    public const int FormatVersion = 1;

    public static string Describe(AudioTimeline timeline, IReadOnlyList<ResolvedSegment> segments)
    {
        var text = new StringBuilder()
            .Append($"brainbuddy-audio/{FormatVersion};wav-pcm16-stereo;rate={timeline.SampleRate};volume={Number(timeline.Volume)}")
            .Append($";fade={Number(timeline.FadeIn)},{Number(timeline.FadeOut)};voices=");
        foreach (var voice in timeline.Voices)
        {
            text.Append($"{voice.Kind}:{Number(voice.Level)},");
        }

        text.Append(";segments=");
        foreach (var segment in segments)
        {
            // A hold renders the same whatever its slide shape says, so the shape is left out of the fingerprint too.
            var shape = segment.Holds ? "hold" : segment.Slide.ToString();
            text.Append(
                $"{Number(segment.Duration)}:{Number(segment.Beat)}>{Number(segment.BeatEnd)}:{Number(segment.Carrier)}>{Number(segment.CarrierEnd)}:{shape},");
        }

        return text.ToString();
    }

    public static ulong DeriveSeed(string description) => BitConverter.ToUInt64(Hash(description), 0);

    public static string ETag(string description, ulong seed) =>
        $"\"{Convert.ToHexStringLower(Hash($"{description};seed={seed}"), 0, 16)}\"";

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
