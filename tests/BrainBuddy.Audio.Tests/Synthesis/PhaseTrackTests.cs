using BrainBuddy.Audio.Synthesis;

namespace BrainBuddy.Audio.Tests.Synthesis;

public sealed class PhaseTrackTests
{
    private const int Rate = 22050;

    /// <summary>A hold, a linear slide and a smooth slide, with boundaries off the 64-frame anchor grid.</summary>
    private static readonly PhaseTrack Track = PhaseTrack.Build(
        [
            new TrackPiece(5001, 200, 200, Smooth: false),
            new TrackPiece(7777, 200, 310, Smooth: false),
            new TrackPiece(6003, 310, 150, Smooth: true),
            new TrackPiece(3000, 150, 150, Smooth: false),
        ],
        Rate);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(63)]
    [InlineData(1000)]
    public void Should_give_the_same_samples_when_a_render_is_split_into_calls_of_any_size(int callFrames)
    {
        var whole = Render(0, (int)Track.TotalFrames);

        var pieced = new float[whole.Length];
        var scratch = new float[callFrames];
        for (var first = 0; first < pieced.Length; first += callFrames)
        {
            var count = Math.Min(callFrames, pieced.Length - first);
            Track.AddSine(first, 1, pieced.AsSpan(first, count), scratch);
        }

        Assert.Equal(whole, pieced);
    }

    private static float[] Render(long first, int count)
    {
        var samples = new float[count];
        Track.AddSine(first, 1, samples, new float[count]);
        return samples;
    }
}
