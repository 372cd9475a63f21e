using BrainBuddy.Audio.Noise;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Synthesis;

namespace BrainBuddy.Audio.Rendering;

/// <summary>
/// Everything about a validated timeline that does not change while rendering: frame counts, phase tracks, voice
/// gains, seed and ETag. Immutable, so concurrent requests for the same audio can share it.
/// </summary>
internal sealed class RenderPlan
{
    /// <summary>16-bit full scale; +1.0 maps to 32767 so the waveform stays symmetric.</summary>
    private const double FullScale = 32767;

    private readonly IReadOnlyList<Voice> _voices;
    private readonly float[] _gains;
    private readonly ulong _seed;
    private readonly PhaseTrack _carrier;
    private readonly PhaseTrack _upper;
    private readonly PhaseTrack _beat;

    public RenderPlan(AudioTimeline timeline)
    {
        var segments = ResolvedSegment.ResolveAll(timeline.Segments);
        var description = AudioFingerprint.Describe(timeline, segments);
        _seed = timeline.Seed is { } seed ? unchecked((ulong)seed) : AudioFingerprint.DeriveSeed(description);
        ETag = AudioFingerprint.ETag(description, _seed);

        SampleRate = timeline.SampleRate;
        var frames = SegmentFrames(segments, SampleRate);
        TotalFrames = frames.Sum();
        Fades = new FadeEnvelope(TotalFrames, FramesOf(timeline.FadeIn), FramesOf(timeline.FadeOut));

        // Normalising by the sum of the voices' peaks (each voice peaks at 1 before its gain) means the voices can
        // never add up past the requested volume, whatever their phases do.
        _voices = timeline.Voices;
        var totalLevel = _voices.Sum(voice => voice.Level);
        _gains = [.. _voices.Select(voice => (float)(FullScale * timeline.Volume * voice.Level / totalLevel))];

        var pieces = segments.Zip(frames).ToArray();
        _carrier = Track(pieces, segment => (segment.Carrier, segment.CarrierEnd));
        _upper = Track(pieces, segment => (segment.Carrier + segment.Beat, segment.CarrierEnd + segment.BeatEnd));
        _beat = Track(pieces, segment => (segment.Beat, segment.BeatEnd));
    }

    public int SampleRate { get; }

    public long TotalFrames { get; }

    public string ETag { get; }

    public FadeEnvelope Fades { get; }

    /// <summary>Fresh voices for one render: noise voices cache blocks, so concurrent renders must not share them.</summary>
    public IVoice[] CreateVoices() =>
    [
        .. _voices.Select<Voice, IVoice>((voice, index) => voice.Kind switch
        {
            VoiceKind.Binaural => new BinauralVoice(_carrier, _upper, _gains[index]),
            VoiceKind.Monaural => new MonauralVoice(_carrier, _upper, _gains[index]),
            VoiceKind.Isochronic => new IsochronicVoice(_carrier, _beat, _gains[index]),
            _ => new NoiseVoice(
                NoiseShape.For(voice.Kind, SampleRate),
                CounterNoise.Stream(_seed, index, channel: 0),
                CounterNoise.Stream(_seed, index, channel: 1),
                _gains[index]),
        }),
    ];

    private long FramesOf(double seconds) => Math.Min(TotalFrames, (long)Math.Round(seconds * SampleRate));

    /// <summary>Segment lengths in frames, rounded at the cumulative boundaries so rounding never adds up over many segments.</summary>
    private static long[] SegmentFrames(ResolvedSegment[] segments, int sampleRate)
    {
        var frames = new long[segments.Length];
        var elapsed = 0.0;
        var previousBoundary = 0L;
        for (var i = 0; i < segments.Length; i++)
        {
            elapsed += segments[i].Duration;
            var boundary = (long)Math.Round(elapsed * sampleRate);
            frames[i] = boundary - previousBoundary;
            previousBoundary = boundary;
        }

        return frames;
    }

    /// <summary>One oscillator's phase track; which frequencies it follows is the only difference between the three.</summary>
    private PhaseTrack Track((ResolvedSegment Segment, long Frames)[] pieces, Func<ResolvedSegment, (double From, double To)> frequencies) =>
        PhaseTrack.Build(
            pieces.Select(piece =>
            {
                var (from, to) = frequencies(piece.Segment);
                return new TrackPiece(piece.Frames, from, to, Smooth: piece.Segment.Slide == SlideShape.Smooth);
            }),
            SampleRate);
}
