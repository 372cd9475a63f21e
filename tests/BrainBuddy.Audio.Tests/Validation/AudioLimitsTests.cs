using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Validation;

namespace BrainBuddy.Audio.Tests.Validation;

public sealed class AudioLimitsTests
{
    private static readonly BinauralRequest Valid = new() { Carrier = 250, Beat = 10, Duration = 600 };

    private static readonly AudioTimeline ValidTimeline = new()
    {
        Voices = [new Voice { Kind = VoiceKind.Monaural }],
        Segments = [new Segment { Duration = 60, Carrier = 250, Beat = 10 }, new Segment { Duration = 60, BeatEnd = 80 }],
    };

    public static TheoryData<string, BinauralRequest> BrokenRequests => new()
    {
        { "carrier", Valid with { Carrier = 19 } },
        { "carrier", Valid with { Carrier = 1501 } },
        { "carrier", Valid with { Carrier = 1200 } },
        { "carrier", Valid with { Carrier = double.NaN } },
        { "beat", Valid with { Beat = 0.4 } },
        { "beat", Valid with { Beat = 101 } },
        { "beat", Valid with { Beat = 41 } },
        { "beat", Valid with { Target = BrainwaveTarget.Theta, Beat = 10 } },
        { "target", Valid with { Target = (BrainwaveTarget)99 } },
        { "duration", Valid with { Duration = 0 } },
        { "duration", Valid with { Duration = 3600.01 } },
        { "sample_rate", Valid with { SampleRate = 32000 } },
        { "volume", Valid with { Volume = 0 } },
        { "volume", Valid with { Volume = 0.708 } },
        { "fade", Valid with { Fade = -1 } },
        { "fade", Valid with { Fade = 300.5 } },
        { "noise", Valid with { Noise = (NoiseColor)9 } },
        { "noise_level", Valid with { NoiseLevel = 1.01 } },
        { "noise_level", Valid with { NoiseLevel = -0.1 } },
    };

    public static TheoryData<string, AudioTimeline> BrokenTimelines => new()
    {
        { "voices", ValidTimeline with { Voices = [] } },
        { "voices", ValidTimeline with { Voices = [.. Enumerable.Repeat(new Voice(), AudioLimits.MaxVoices + 1)] } },
        { "voices[0].level", ValidTimeline with { Voices = [new Voice { Kind = VoiceKind.Monaural, Level = 0 }] } },
        { "voices[0].kind", ValidTimeline with { Voices = [new Voice { Kind = (VoiceKind)42 }] } },
        { "segments", ValidTimeline with { Segments = [] } },
        { "segments", ValidTimeline with { Segments = [.. Enumerable.Repeat(new Segment { Duration = 1, Carrier = 200, Beat = 5 }, AudioLimits.MaxSegments + 1)] } },
        { "segments", ValidTimeline with { Segments = [new Segment { Duration = 3000, Carrier = 200, Beat = 5 }, new Segment { Duration = 601 }] } },
        { "segments[0].duration", ValidTimeline with { Segments = [new Segment { Duration = -1, Carrier = 200, Beat = 5 }] } },
        { "segments[0].carrier", ValidTimeline with { Segments = [new Segment { Duration = 1, Beat = 5 }] } },
        { "segments[0].beat", ValidTimeline with { Segments = [new Segment { Duration = 1, Carrier = 200 }] } },
        { "segments[0].carrier_end", ValidTimeline with { Segments = [new Segment { Duration = 1, Carrier = 200, Beat = 5, CarrierEnd = 2000 }] } },
        { "segments[1].beat_end", ValidTimeline with { Segments = [ValidTimeline.Segments[0], new Segment { Duration = 1, BeatEnd = 150 }] } },
        { "segments[0].slide", ValidTimeline with { Segments = [new Segment { Duration = 1, Carrier = 200, Beat = 5, Slide = (SlideShape)7 }] } },
        { "segments[1].beat_end", ValidTimeline with { Voices = [new Voice { Kind = VoiceKind.Binaural }] } },
        { "fade_in", ValidTimeline with { FadeIn = 61 } },
        { "fade_out", ValidTimeline with { FadeOut = -0.1 } },
        { "sample_rate", ValidTimeline with { SampleRate = 8000 } },
        { "volume", ValidTimeline with { Volume = 1 } },
    };

    [Fact]
    public void Should_return_no_errors_when_every_value_is_within_limits()
    {
        Assert.Empty(AudioLimits.Validate(new BinauralRequest()));
        Assert.Empty(AudioLimits.Validate(Valid));
        Assert.Empty(AudioLimits.Validate(ValidTimeline));
        Assert.Empty(AudioLimits.Validate(new BinauralRequest().ToTimeline()));
    }

    [Theory]
    [MemberData(nameof(BrokenRequests))]
    public void Should_name_the_field_when_a_simple_request_breaks_a_limit(string field, BinauralRequest request)
    {
        var errors = AudioLimits.Validate(request);

        Assert.Equal([field], errors.Keys);
        Assert.NotEmpty(Assert.Single(errors).Value);
    }

    [Theory]
    [MemberData(nameof(BrokenTimelines))]
    public void Should_name_the_field_when_a_timeline_breaks_a_limit(string field, AudioTimeline timeline)
    {
        var errors = AudioLimits.Validate(timeline);

        Assert.Contains(field, errors.Keys);
        Assert.Throws<ArgumentException>(() => WavRenderer.Create(timeline));
    }

    [Fact]
    public void Should_allow_beats_up_to_100_hz_when_no_voice_is_binaural()
    {
        var isochronic = ValidTimeline with
        {
            Voices = [new Voice { Kind = VoiceKind.Isochronic }, new Voice { Kind = VoiceKind.PinkNoise, Level = 0.2 }],
            Segments = [new Segment { Duration = 10, Carrier = 1400, Beat = 100 }],
        };

        Assert.Empty(AudioLimits.Validate(isochronic));
    }

    [Fact]
    public void Should_not_ask_for_frequencies_when_only_noise_plays()
    {
        var noiseOnly = new AudioTimeline { Voices = [new Voice { Kind = VoiceKind.BrownNoise }], Segments = [new Segment { Duration = 30 }] };

        Assert.Empty(AudioLimits.Validate(noiseOnly));
    }
}
