using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Rendering;

public sealed class DeterminismTests
{
    private static readonly BinauralRequest Simple = new()
    {
        Target = BrainwaveTarget.Theta,
        Duration = 2,
        SampleRate = Timelines.Rate,
        Noise = NoiseColor.Brown,
        NoiseLevel = 0.4,
        Fade = 0.5,
    };

    [Fact]
    public async Task Should_produce_identical_bytes_when_the_same_parameters_render_twice()
    {
        var first = await Render.BytesAsync(Simple.ToTimeline());
        var second = await Render.BytesAsync(Simple.ToTimeline());

        Assert.Equal(first, second);
        Assert.Equal(WavRenderer.Create(Simple.ToTimeline()).ETag, WavRenderer.Create(Simple.ToTimeline()).ETag);
    }

    [Fact]
    public void Should_quote_a_32_hex_digit_etag_when_created()
    {
        Assert.Matches("^\"[0-9a-f]{32}\"$", WavRenderer.Create(Simple.ToTimeline()).ETag);
    }

    [Fact]
    public void Should_change_the_etag_when_the_seed_or_any_parameter_changes()
    {
        BinauralRequest[] variants =
        [
            Simple,
            Simple with { Seed = 1 },
            Simple with { Seed = 2 },
            Simple with { Carrier = 220.01 },
            Simple with { Beat = 6.01 },
            Simple with { Duration = 2.5 },
            Simple with { SampleRate = 44100 },
            Simple with { Volume = 0.3 },
            Simple with { Fade = 0.25 },
            Simple with { Noise = NoiseColor.Pink },
            Simple with { NoiseLevel = 0.5 },
            Simple with { Noise = NoiseColor.None },
        ];

        var tags = variants.Select(variant => WavRenderer.Create(variant.ToTimeline()).ETag).ToList();

        Assert.Equal(tags.Count, tags.Distinct().Count());
    }

    [Fact]
    public async Task Should_render_different_noise_when_the_seed_changes()
    {
        var first = await Render.BytesAsync((Simple with { Seed = 1 }).ToTimeline());
        var second = await Render.BytesAsync((Simple with { Seed = 2 }).ToTimeline());

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Should_give_the_same_etag_when_a_simple_request_and_its_spelled_out_timeline_agree()
    {
        var spelledOut = new AudioTimeline
        {
            Voices = [new Voice { Kind = VoiceKind.Binaural }, new Voice { Kind = VoiceKind.BrownNoise, Level = 0.4 }],
            Segments = [new Segment { Duration = 2, Carrier = 220, Beat = 6, Slide = SlideShape.Smooth }],
            SampleRate = Timelines.Rate,
            FadeIn = 0.5,
            FadeOut = 0.5,
        };

        Assert.Equal(WavRenderer.Create(Simple.ToTimeline()).ETag, WavRenderer.Create(spelledOut).ETag);
    }

    [Fact]
    public async Task Should_allocate_the_same_memory_when_the_duration_grows_tenfold()
    {
        async Task<long> AllocatedWhileRendering(double seconds)
        {
            var renderer = WavRenderer.Create((Simple with { Duration = seconds }).ToTimeline());
            var before = GC.GetAllocatedBytesForCurrentThread();
            await renderer.WriteAsync(Stream.Null, TestContext.Current.CancellationToken);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // The least of three runs sheds one-off costs (JIT, pool warm-up) that other tests running in parallel can shift.
        async Task<long> Least(double seconds) => Math.Min(await AllocatedWhileRendering(seconds), Math.Min(await AllocatedWhileRendering(seconds), await AllocatedWhileRendering(seconds)));

        var twentySeconds = await Least(20);
        var twoHundredSeconds = await Least(200);

        // 200 s at 22.05 kHz is 270 chunks: allocating even 24 bytes per chunk would add over 6 KiB.
        Assert.True(Math.Abs(twoHundredSeconds - twentySeconds) < 2048, $"{twentySeconds} bytes for 20 s, {twoHundredSeconds} bytes for 200 s");
    }
}
