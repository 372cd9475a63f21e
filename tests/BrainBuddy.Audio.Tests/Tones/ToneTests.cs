using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Tones;

public sealed class ToneTests
{
    private const double FrequencyTolerance = 0.05;

    [Theory]
    [InlineData(200, 10, 22050)]
    [InlineData(340, 40, 22050)]
    [InlineData(250, 0.5, 22050)]
    [InlineData(999.9, 33.3, 44100)]
    [InlineData(20, 7, 48000)]
    public async Task Should_play_the_carrier_left_and_the_carrier_plus_beat_right_when_binaural(double carrier, double beat, int rate)
    {
        var wav = await Render.WavAsync(Timelines.Tone(VoiceKind.Binaural, carrier, beat, seconds: 2.5) with { SampleRate = rate });
        var left = WavFile.Window(wav.Left, rate, 0.5, 2);
        var right = WavFile.Window(wav.Right, rate, 0.5, 2);

        var leftFrequency = Spectrum.PeakFrequency(left, rate, carrier - 5, carrier + 5);
        var rightFrequency = Spectrum.PeakFrequency(right, rate, carrier + beat - 5, carrier + beat + 5);

        Assert.InRange(leftFrequency, carrier - FrequencyTolerance, carrier + FrequencyTolerance);
        Assert.InRange(rightFrequency - leftFrequency, beat - FrequencyTolerance, beat + FrequencyTolerance);
    }

    [Fact]
    public async Task Should_give_each_ear_only_its_own_tone_when_binaural()
    {
        var wav = await Render.WavAsync(Timelines.Tone(VoiceKind.Binaural, 300, 20, seconds: 1));
        var left = WavFile.Window(wav.Left, Timelines.Rate, 0, 1);
        var right = WavFile.Window(wav.Right, Timelines.Rate, 0, 1);

        Assert.True(Spectrum.Amplitude(left, Timelines.Rate, 320) < 1e-3 * Spectrum.Amplitude(left, Timelines.Rate, 300));
        Assert.True(Spectrum.Amplitude(right, Timelines.Rate, 300) < 1e-3 * Spectrum.Amplitude(right, Timelines.Rate, 320));
    }

    [Fact]
    public async Task Should_sum_both_tones_at_half_level_in_both_ears_when_monaural()
    {
        var wav = await Render.WavAsync(Timelines.Tone(VoiceKind.Monaural, 400, 12, seconds: 2, volume: 0.6));
        var left = WavFile.Window(wav.Left, Timelines.Rate, 0, 2);
        var half = 0.6 * 32767 / 2;

        Assert.Equal(wav.Left, wav.Right);
        Assert.InRange(Spectrum.FittedAmplitude(left, Timelines.Rate, 400), half - 2, half + 2);
        Assert.InRange(Spectrum.FittedAmplitude(left, Timelines.Rate, 412), half - 2, half + 2);

        // The acoustic beat shows as the envelope's fundamental.
        var envelope = left.Select(sample => sample * sample).ToArray();
        Assert.InRange(Spectrum.PeakFrequency(envelope, Timelines.Rate, 5, 20), 12 - FrequencyTolerance, 12 + FrequencyTolerance);
    }

    [Theory]
    [InlineData(400, 7)]
    [InlineData(250, 40)]
    public async Task Should_gate_the_carrier_at_the_beat_rate_when_isochronic(double carrier, double beat)
    {
        var wav = await Render.WavAsync(Timelines.Tone(VoiceKind.Isochronic, carrier, beat, seconds: 4));
        var left = WavFile.Window(wav.Left, Timelines.Rate, 0, 4);
        var envelope = left.Select(sample => sample * sample).ToArray();

        Assert.Equal(wav.Left, wav.Right);
        Assert.InRange(Spectrum.PeakFrequency(envelope, Timelines.Rate, beat / 2, beat * 1.5), beat - FrequencyTolerance, beat + FrequencyTolerance);
        Assert.InRange(Spectrum.PeakFrequency(left, Timelines.Rate, carrier - 3, carrier + 3), carrier - FrequencyTolerance, carrier + FrequencyTolerance);

        // Silent for half of every cycle, plus the quiet ends of the ramps.
        var silentShare = wav.Left.Count(sample => Math.Abs((int)sample) <= 1) / (double)wav.Left.Length;
        Assert.InRange(silentShare, 0.5, 0.58);
    }

    [Fact]
    public async Task Should_step_no_further_than_a_smooth_gate_allows_when_isochronic_tones_switch()
    {
        const double Carrier = 400;
        const double Beat = 10;
        var wav = await Render.WavAsync(Timelines.Tone(VoiceKind.Isochronic, Carrier, Beat, seconds: 2));
        var peak = 0.5 * 32767;

        // Largest step a sine of this amplitude can take, plus the largest step of a raised-cosine edge lasting 0.1 beat cycles.
        var carrierSlope = peak * 2 * Math.PI * Carrier / Timelines.Rate;
        var gateSlope = peak * Math.PI / 2 / (0.1 / Beat * Timelines.Rate);
        var largestStep = wav.Left.Zip(wav.Left.Skip(1), (a, b) => Math.Abs(b - a)).Max();

        Assert.True(largestStep <= carrierSlope + gateSlope + 2, $"largest step {largestStep}");
    }
}
