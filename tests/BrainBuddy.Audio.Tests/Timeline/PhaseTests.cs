using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Timeline;

public sealed class PhaseTests
{
    private const double Volume = 0.5;

    /// <summary>Holds, a linear slide, an abrupt jump, a smooth slide, then a hold that continues the slide's end values.</summary>
    private static readonly Segment[] Mixed =
    [
        new() { Duration = 1.0, Carrier = 200, Beat = 4 },
        new() { Duration = 1.3, CarrierEnd = 260, BeatEnd = 9 },
        new() { Duration = 0.7, Carrier = 410, Beat = 30 },
        new() { Duration = 1.5, CarrierEnd = 150, BeatEnd = 2, Slide = SlideShape.Smooth },
        new() { Duration = 0.5 },
    ];

    [Fact]
    public async Task Should_match_the_integral_of_the_frequency_curve_at_every_sample_when_segments_hold_slide_and_jump()
    {
        var wav = await Render.WavAsync(Binaural(Mixed, Timelines.Rate));

        AssertFollowsPhase(wav.Left, new PhaseOracle(Mixed, Timelines.Rate, upperTone: false).CyclesAt(0, wav.Left.Length));
        AssertFollowsPhase(wav.Right, new PhaseOracle(Mixed, Timelines.Rate, upperTone: true).CyclesAt(0, wav.Right.Length));
    }

    [Fact]
    public async Task Should_not_jump_at_segment_boundaries_when_frequencies_change_abruptly()
    {
        var wav = await Render.WavAsync(Binaural(Mixed, Timelines.Rate));

        // A continuous sine of amplitude A and frequency f moves at most 2 pi f A / rate per sample; a phase jump would not.
        var highestUpperTone = 410 + 30;
        var largestStep = 2 * Math.PI * highestUpperTone * Volume * 32767 / Timelines.Rate;
        foreach (var channel in new[] { wav.Left, wav.Right })
        {
            var step = channel.Zip(channel.Skip(1), (a, b) => Math.Abs(b - a)).Max();
            Assert.True(step <= largestStep + 2, $"largest step {step} > {largestStep}");
        }
    }

    [Fact]
    public async Task Should_keep_the_analytic_phase_after_an_hour_when_rendering_only_the_last_chunk()
    {
        Segment[] hour =
        [
            new() { Duration = 600, Carrier = 200.123, Beat = 10 },
            new() { Duration = 1200, CarrierEnd = 300, BeatEnd = 4 },
            new() { Duration = 1200, CarrierEnd = 220, BeatEnd = 12.5, Slide = SlideShape.Smooth },
            new() { Duration = 600 },
        ];
        const int Rate = 48000;
        const int Frames = 4096;
        var renderer = WavRenderer.Create(Binaural(hour, Rate));

        var tail = await Render.RangeAsync(renderer, renderer.ContentLength - (Frames * 4), Frames * 4);
        var left = new short[Frames];
        var right = new short[Frames];
        for (var i = 0; i < Frames; i++)
        {
            left[i] = BitConverter.ToInt16(tail, 4 * i);
            right[i] = BitConverter.ToInt16(tail, (4 * i) + 2);
        }

        var first = renderer.Frames - Frames;
        Assert.Equal(3600L * Rate, renderer.Frames);
        AssertFollowsPhase(left, new PhaseOracle(hour, Rate, upperTone: false).CyclesAt(first, Frames));
        AssertFollowsPhase(right, new PhaseOracle(hour, Rate, upperTone: true).CyclesAt(first, Frames));
    }

    private static AudioTimeline Binaural(Segment[] segments, int rate) => new()
    {
        Voices = [new Voice { Kind = VoiceKind.Binaural }],
        Segments = segments,
        SampleRate = rate,
        Volume = Volume,
        FadeIn = 0,
        FadeOut = 0,
    };

    /// <summary>Every sample within rounding (0.5 LSB) plus 0.1 LSB of the ideal sine: a phase error of 1e-6 cycles would show.</summary>
    private static void AssertFollowsPhase(short[] channel, double[] cycles)
    {
        var amplitude = Volume * 32767;
        var worst = channel.Select((sample, i) => Math.Abs(sample - (amplitude * Math.Sin(2 * Math.PI * cycles[i])))).Max();
        Assert.True(worst <= 0.6, $"worst deviation {worst} LSB");
    }
}
