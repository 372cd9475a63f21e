using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Tests.Support;

namespace BrainBuddy.Audio.Tests.Timeline;

public sealed class SlideTests
{
    private const double Tolerance = 0.05;
    private const double SlideStart = 1;
    private const double SlideLength = 8;

    [Theory]
    [InlineData(SlideShape.Linear)]
    [InlineData(SlideShape.Smooth)]
    public async Task Should_follow_the_slide_curve_when_the_beat_slides(SlideShape shape)
    {
        var wav = await Render.WavAsync(Slide(shape, carrierEnd: 200, beatEnd: 10));

        foreach (var (centre, progress) in WindowsAlongTheSlide())
        {
            var left = Spectrum.PeakFrequency(WavFile.Window(wav.Left, Timelines.Rate, centre - 0.25, 0.5), Timelines.Rate, 195, 205);
            var right = Spectrum.PeakFrequency(WavFile.Window(wav.Right, Timelines.Rate, centre - 0.25, 0.5), Timelines.Rate, 205, 219);
            var expected = 14 - (4 * Ease(shape, progress));

            Assert.InRange(right - left, expected - Tolerance, expected + Tolerance);
        }
    }

    [Theory]
    [InlineData(SlideShape.Linear)]
    [InlineData(SlideShape.Smooth)]
    public async Task Should_follow_the_slide_curve_when_the_carrier_slides(SlideShape shape)
    {
        var wav = await Render.WavAsync(Slide(shape, carrierEnd: 240, beatEnd: 14));

        foreach (var (centre, progress) in WindowsAlongTheSlide())
        {
            var expected = 200 + (40 * Ease(shape, progress));
            var left = Spectrum.PeakFrequency(WavFile.Window(wav.Left, Timelines.Rate, centre - 0.25, 0.5), Timelines.Rate, expected - 3, expected + 3);

            Assert.InRange(left, expected - Tolerance, expected + Tolerance);
        }
    }

    /// <summary>Half-second windows centred every half second inside the slide, with how far into the slide each centre is.</summary>
    private static IEnumerable<(double Centre, double Progress)> WindowsAlongTheSlide() =>
        Enumerable.Range(1, 15).Select(i => SlideStart + (i * 0.5)).Select(centre => (centre, (centre - SlideStart) / SlideLength));

    private static double Ease(SlideShape shape, double progress) =>
        shape == SlideShape.Smooth ? (1 - Math.Cos(Math.PI * progress)) / 2 : progress;

    private static AudioTimeline Slide(SlideShape shape, double carrierEnd, double beatEnd) => new()
    {
        Voices = [new Voice { Kind = VoiceKind.Binaural }],
        Segments =
        [
            new Segment { Duration = SlideStart, Carrier = 200, Beat = 14 },
            new Segment { Duration = SlideLength, CarrierEnd = carrierEnd, BeatEnd = beatEnd, Slide = shape },
            new Segment { Duration = 1 },
        ],
        SampleRate = Timelines.Rate,
        FadeIn = 0,
        FadeOut = 0,
    };
}
