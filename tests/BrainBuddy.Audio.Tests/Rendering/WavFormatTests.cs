using System.Diagnostics;
using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Rendering;

public sealed class WavFormatTests
{
    [Theory]
    [InlineData(0.5, 22050)]
    [InlineData(1.2345, 44100)]
    [InlineData(3.00001, 48000)]
    [InlineData(0.00002, 22050)]
    public async Task Should_state_the_exact_length_in_the_header_when_the_duration_is_odd(double seconds, int rate)
    {
        var timeline = Timelines.Tone(VoiceKind.Binaural, 200, 10, seconds) with { SampleRate = rate };
        var renderer = WavRenderer.Create(timeline);
        var bytes = await Render.BytesAsync(timeline);

        var frames = (long)Math.Round(seconds * rate);
        Assert.Equal(44 + (4 * frames), renderer.ContentLength);
        Assert.Equal(renderer.ContentLength, bytes.Length);
        var wav = WavFile.Parse(bytes);
        Assert.Equal(rate, wav.SampleRate);
        Assert.Equal(frames, wav.Left.Length);
    }

    [Fact]
    public void Should_know_the_exact_length_when_an_hour_is_requested_before_rendering()
    {
        var renderer = WavRenderer.Create(Timelines.Tone(VoiceKind.Binaural, 200, 10, seconds: 3600) with { SampleRate = 48000 });

        Assert.Equal(44 + (4L * 3600 * 48000), renderer.ContentLength);
        Assert.Equal(TimeSpan.FromHours(1), renderer.Duration);
    }

    [Fact]
    public void Should_fill_the_riff_size_field_exactly_when_at_the_format_limit()
    {
        var header = WavHeader.Create(48000, WavHeader.MaxFrames);

        Assert.Equal(uint.MaxValue - 3, BitConverter.ToUInt32(header, 4));
        Assert.Equal(4 * WavHeader.MaxFrames, BitConverter.ToUInt32(header, 40));
        Assert.Throws<ArgumentOutOfRangeException>(() => WavHeader.Create(48000, WavHeader.MaxFrames + 1));
    }

    [Fact]
    public async Task Should_be_read_by_sox_as_the_file_we_meant_when_sox_is_installed()
    {
        var soxi = FindOnPath("soxi");
        if (soxi is null)
        {
            Assert.Skip("soxi (from the sox package) is not on PATH; the CI script installs it.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"brainbuddy-audio-{Guid.NewGuid():N}.wav");
        try
        {
            await File.WriteAllBytesAsync(path, await Render.BytesAsync(Timelines.Tone(VoiceKind.Binaural, 200, 10, seconds: 1.5) with { SampleRate = 44100 }), TestContext.Current.CancellationToken);

            Assert.Equal("44100", await RunAsync(soxi, "-r", path));
            Assert.Equal("2", await RunAsync(soxi, "-c", path));
            Assert.Equal("16", await RunAsync(soxi, "-b", path));
            Assert.Equal("Signed Integer PCM", await RunAsync(soxi, "-e", path));
            Assert.Equal("66150", await RunAsync(soxi, "-s", path));
            Assert.Equal(1.5, double.Parse(await RunAsync(soxi, "-D", path), System.Globalization.CultureInfo.InvariantCulture), precision: 6);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string tool, string option, string path)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(option);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}
