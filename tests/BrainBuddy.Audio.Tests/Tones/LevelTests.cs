using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Tones;

public sealed class LevelTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.707)]
    public async Task Should_peak_at_the_requested_volume_when_one_tone_plays(double volume)
    {
        // 201.37 Hz is incommensurate with the sample rate, so some sample lands within a hair of every crest.
        const double Carrier = 201.37;
        var wav = await Render.WavAsync(Timelines.Tone(VoiceKind.Binaural, Carrier, 10, seconds: 2, volume));
        var expected = volume * 32767;

        Assert.InRange(wav.Left.Max(sample => Math.Abs((int)sample)), expected - 1, expected + 1);
        Assert.InRange(wav.Right.Max(sample => Math.Abs((int)sample)), expected - 1, expected + 1);
        Assert.InRange(Spectrum.FittedAmplitude(WavFile.Window(wav.Left, Timelines.Rate, 0, 2), Timelines.Rate, Carrier), expected - 1, expected + 1);
    }

    [Fact]
    public async Task Should_never_exceed_the_requested_peak_when_every_voice_sounds_at_full_level()
    {
        var timeline = new AudioTimeline
        {
            Voices = [.. Enum.GetValues<VoiceKind>().Select(kind => new Voice { Kind = kind, Level = 1 })],
            Segments = [new Segment { Duration = 3, Carrier = 300, Beat = 30 }],
            SampleRate = Timelines.Rate,
            Volume = 0.707,
            FadeIn = 0,
            FadeOut = 0,
        };

        var wav = await Render.WavAsync(timeline);
        var limit = Math.Round(0.707 * 32767);
        var peak = wav.Left.Concat(wav.Right).Max(sample => Math.Abs((int)sample));

        Assert.True(peak <= limit, $"peak {peak} above {limit}");
        Assert.True(peak > limit / 2, $"peak {peak}: the mix is unexpectedly quiet");
    }

    [Fact]
    public async Task Should_split_the_volume_between_tone_and_noise_by_their_levels_when_mixed()
    {
        var request = new BinauralRequest { Beat = 10, Carrier = 200, Duration = 2, SampleRate = Timelines.Rate, Volume = 0.6, Fade = 0, Noise = NoiseColor.Pink, NoiseLevel = 0.5 };
        var wav = await Render.WavAsync(request.ToTimeline());
        var toneAmplitude = Spectrum.FittedAmplitude(WavFile.Window(wav.Left, Timelines.Rate, 0, 2), Timelines.Rate, 200);

        var expected = 0.6 * 32767 / 1.5;
        Assert.InRange(toneAmplitude, expected * 0.99, expected * 1.01);
    }

    [Theory]
    [InlineData(VoiceKind.WhiteNoise)]
    [InlineData(VoiceKind.PinkNoise)]
    [InlineData(VoiceKind.BrownNoise)]
    public async Task Should_play_every_noise_colour_at_the_same_rms_when_alone(VoiceKind kind)
    {
        // A minute in both ears: brown noise's power sits below ~30 Hz, so shorter windows vary by several percent.
        var wav = await Render.WavAsync(Timelines.Noise(kind, seconds: 60));
        var rms = Math.Sqrt(wav.Left.Concat(wav.Right).Average(sample => (double)sample * sample));

        // A fifth of the peak: a 5-sigma excursion reaches the requested volume.
        var expected = 0.5 * 32767 * 0.2;
        Assert.InRange(rms, expected * 0.95, expected * 1.05);
    }

    [Fact]
    public async Task Should_rise_and_fall_along_raised_cosines_when_fading()
    {
        const double Fade = 1;
        var timeline = Timelines.Tone(VoiceKind.Binaural, 200, 10, seconds: 3) with { FadeIn = Fade, FadeOut = Fade };
        var wav = await Render.WavAsync(timeline);
        var peak = 0.5 * 32767;
        var fadeFrames = Fade * Timelines.Rate;
        var total = wav.Left.Length;

        // 441 samples hold exactly four periods of 200 Hz at 22050 Hz.
        const int Window = 441;
        for (var start = 0; start + Window <= total; start += Window)
        {
            var measured = Spectrum.FittedAmplitude([.. wav.Left.Skip(start).Take(Window).Select(sample => (double)sample)], Timelines.Rate, 200);
            var expected = peak * Enumerable.Range(start, Window).Average(frame =>
                RaisedCosine(frame / fadeFrames) * RaisedCosine((total - 1 - frame) / fadeFrames));

            Assert.InRange(measured, expected - (0.002 * peak) - 2, expected + (0.002 * peak) + 2);
        }
    }

    /// <summary>0.5 - 0.5 cos(pi x) on [0, 1], 1 after.</summary>
    private static double RaisedCosine(double progress) => progress >= 1 ? 1 : 0.5 - (0.5 * Math.Cos(Math.PI * progress));
}
