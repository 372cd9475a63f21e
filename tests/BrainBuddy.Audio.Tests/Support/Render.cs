using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Tests.Support;

internal static class Render
{
    public static async Task<byte[]> BytesAsync(AudioTimeline timeline)
    {
        var renderer = WavRenderer.Create(timeline);
        using var buffer = new MemoryStream();
        await renderer.WriteAsync(buffer, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }

    public static async Task<byte[]> RangeAsync(WavRenderer renderer, long offset, long count)
    {
        using var buffer = new MemoryStream();
        await renderer.WriteAsync(buffer, offset, count, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }

    public static async Task<WavFile> WavAsync(AudioTimeline timeline) => WavFile.Parse(await BytesAsync(timeline));
}
