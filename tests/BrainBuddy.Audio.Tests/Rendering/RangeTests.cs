using BrainBuddy.Audio.Noise;
using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Rendering;

public sealed class RangeTests
{
    private const int ChunkBytes = WavByteSource.ChunkFrames * 4;
    private const int NoiseBlockBytes = NoiseVoice.BlockFrames * 4;

    /// <summary>Every kind of voice, slides and fades, long enough for several render chunks and noise blocks (77 175 frames).</summary>
    private static readonly AudioTimeline Everything = new()
    {
        Voices =
        [
            new Voice { Kind = VoiceKind.Binaural },
            new Voice { Kind = VoiceKind.Isochronic, Level = 0.4 },
            new Voice { Kind = VoiceKind.Monaural, Level = 0.3 },
            new Voice { Kind = VoiceKind.PinkNoise, Level = 0.3 },
            new Voice { Kind = VoiceKind.BrownNoise, Level = 0.2 },
        ],
        Segments =
        [
            new Segment { Duration = 1.1, Carrier = 210, Beat = 12 },
            new Segment { Duration = 1.7, CarrierEnd = 250, BeatEnd = 6, Slide = SlideShape.Smooth },
            new Segment { Duration = 0.9, BeatEnd = 9 },
        ],
        SampleRate = Timelines.Rate,
        FadeIn = 0.5,
        FadeOut = 0.7,
    };

    [Fact]
    public async Task Should_return_the_same_bytes_as_the_full_file_when_a_range_is_rendered_alone()
    {
        var renderer = WavRenderer.Create(Everything);
        var full = await Render.BytesAsync(Everything);
        var length = full.Length;
        (long Offset, long Count)[] ranges =
        [
            (0, 44), (0, 10), (7, 20), (40, 8), (44, 1), (45, 3),
            (44 + ChunkBytes - 3, 7),
            (44 + (3 * ChunkBytes) - 1, ChunkBytes + 2),
            (44 + NoiseBlockBytes - 5, 11),
            (44 + (2 * NoiseBlockBytes) + 2, 1),
            (1001, 70001),
            (length / 2, (length / 2) - 1),
            (length - 5000, 5000),
            (length - 1, 1),
            (length, 0),
        ];

        foreach (var (offset, count) in ranges)
        {
            var range = await Render.RangeAsync(renderer, offset, count);
            Assert.Equal(full.AsSpan((int)offset, (int)count).ToArray(), range);
        }
    }

    [Fact]
    public async Task Should_serve_the_same_bytes_through_the_seekable_stream_when_seeking_backwards_and_forwards()
    {
        var full = await Render.BytesAsync(Everything);
        await using var stream = WavRenderer.Create(Everything).OpenRead();
        Assert.Equal(full.Length, stream.Length);

        foreach (var (offset, count) in new[] { (300_000L, 7777), (3L, 100), (full.Length - 10L, 10), (ChunkBytes + 44L, ChunkBytes * 3) })
        {
            stream.Seek(offset, SeekOrigin.Begin);
            var buffer = new byte[count];
            await stream.ReadExactlyAsync(buffer, TestContext.Current.CancellationToken);
            Assert.Equal(full.AsSpan((int)offset, count).ToArray(), buffer);
        }

        stream.Seek(-3, SeekOrigin.End);
        Assert.Equal(3, await stream.ReadAsync(new byte[16], TestContext.Current.CancellationToken));
        Assert.Equal(0, await stream.ReadAsync(new byte[16], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_reject_the_range_when_it_ends_after_the_file()
    {
        var renderer = WavRenderer.Create(Everything);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            renderer.WriteAsync(Stream.Null, renderer.ContentLength - 10, 11, TestContext.Current.CancellationToken));
    }
}
