using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Tests.Rendering;

public sealed class PooledBufferTests
{
    [Fact]
    public async Task Should_keep_concurrent_renders_identical_when_streams_are_disposed_twice()
    {
        var wav = WavRenderer.Create(new BinauralRequest { Target = BrainwaveTarget.Alpha, Duration = 2, SampleRate = 22050, Fade = 0.5 }.ToTimeline());
        var expected = Read(wav);
        for (var i = 0; i < 20; i++)
        {
            // Response pipelines call Dispose and DisposeAsync; pooled buffers must go back to the pool once.
            var stream = wav.OpenRead();
            stream.Dispose();
            await stream.DisposeAsync();
        }

        var renders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Read(wav), TestContext.Current.CancellationToken)));

        Assert.All(renders, bytes => Assert.Equal(expected, bytes));
    }

    private static byte[] Read(WavRenderer wav)
    {
        using var stream = wav.OpenRead();
        var bytes = new byte[wav.ContentLength];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
