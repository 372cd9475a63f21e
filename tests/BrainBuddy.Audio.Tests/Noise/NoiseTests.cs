using BrainBuddy.Audio.Noise;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Noise;

public sealed class NoiseTests
{
    private const int Segment = 4096;

    /// <summary>Octave bands from 62.5 Hz to 4 kHz: above the brown filter's 10 Hz corner, below 22.05 kHz's Nyquist.</summary>
    private static readonly double[] BandCentres = [62.5, 125, 250, 500, 1000, 2000, 4000];

    [Theory]
    [InlineData(VoiceKind.WhiteNoise, 0)]
    [InlineData(VoiceKind.PinkNoise, -3)]
    [InlineData(VoiceKind.BrownNoise, -6)]
    public async Task Should_fall_by_the_colour_slope_per_octave_when_rendering_noise(VoiceKind kind, double decibelsPerOctave)
    {
        var wav = await Render.WavAsync(Timelines.Noise(kind, seconds: 12));

        foreach (var channel in new[] { wav.Left, wav.Right })
        {
            var psd = Spectrum.PowerSpectralDensity([.. channel.Select(sample => (double)sample)], Segment);
            var slope = Spectrum.DecibelsPerOctave(psd, Timelines.Rate, Segment, BandCentres);
            Assert.InRange(slope, decibelsPerOctave - 1, decibelsPerOctave + 1);
        }
    }

    [Theory]
    [InlineData(VoiceKind.WhiteNoise)]
    [InlineData(VoiceKind.PinkNoise)]
    [InlineData(VoiceKind.BrownNoise)]
    public async Task Should_decorrelate_the_ears_when_rendering_noise(VoiceKind kind)
    {
        var wav = await Render.WavAsync(Timelines.Noise(kind, seconds: 12));

        // Brown noise varies slowly, so its correlation estimate needs the looser bound.
        Assert.InRange(Correlation(wav.Left, wav.Right), -0.1, 0.1);
    }

    [Theory]
    [InlineData(VoiceKind.PinkNoise)]
    [InlineData(VoiceKind.BrownNoise)]
    public void Should_match_an_unbroken_filter_run_when_noise_is_rendered_in_blocks(VoiceKind kind)
    {
        var shape = NoiseShape.For(kind, 48000);
        var stream = CounterNoise.Stream(seed: 7, voice: 0, channel: 0);
        const int Blocks = 3;
        var unbroken = new float[Blocks * NoiseVoice.BlockFrames];
        shape.Render(stream, 0, unbroken);

        var blockwise = new float[unbroken.Length];
        for (var block = 0; block < Blocks; block++)
        {
            shape.Render(stream, block * NoiseVoice.BlockFrames, blockwise.AsSpan(block * NoiseVoice.BlockFrames, NoiseVoice.BlockFrames));
        }

        // A 16-bit step is 3e-5 of full scale; the restarted filters agree far below it, so no seam can reach the output.
        var worst = unbroken.Zip(blockwise, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-6, $"largest difference {worst}");
    }

    private static double Correlation(short[] a, short[] b)
    {
        var meanA = a.Average(sample => (double)sample);
        var meanB = b.Average(sample => (double)sample);
        double covariance = 0, varianceA = 0, varianceB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
            varianceB += (b[i] - meanB) * (b[i] - meanB);
        }

        return covariance / Math.Sqrt(varianceA * varianceB);
    }
}
