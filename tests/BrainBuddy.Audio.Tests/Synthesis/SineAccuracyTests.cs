using BrainBuddy.Audio.Synthesis;

namespace BrainBuddy.Audio.Tests.Synthesis;

public sealed class SineAccuracyTests
{
    private static IEnumerable<double> Angles() =>
        Enumerable.Range(-20000, 40001).Select(i => i * 0.000731).Concat([0.125, 0.25, 0.5, 0.75, 1e6 + 0.1]);

    [Fact]
    public void Should_agree_with_math_sin_and_cos_to_1e_15_when_working_in_cycles()
    {
        foreach (var cycles in Angles())
        {
            var (sin, cos) = CycleMath.SinCos(cycles);
            var radians = 2 * Math.PI * (cycles - Math.Round(cycles));
            Assert.InRange(sin - Math.Sin(radians), -1e-15, 1e-15);
            Assert.InRange(cos - Math.Cos(radians), -1e-15, 1e-15);
        }
    }

    [Fact]
    public void Should_agree_with_math_sin_to_2e_7_when_computing_eight_lanes_at_a_time()
    {
        var cycles = Angles().Where(angle => Math.Abs(angle) < 20).Select(angle => (float)angle).ToArray();
        var sines = new float[cycles.Length];

        FastSine.Write(cycles, sines);

        var worst = cycles.Select((angle, i) => Math.Abs(sines[i] - Math.Sin(2 * Math.PI * angle))).Max();
        Assert.True(worst < 2e-7, $"worst error {worst}");
    }

    [Fact]
    public void Should_give_the_same_bits_when_a_sample_falls_in_another_lane()
    {
        var cycles = Enumerable.Range(0, 37).Select(i => (float)(i * 0.0173)).ToArray();
        var whole = new float[cycles.Length];
        FastSine.Write(cycles, whole);

        for (var start = 1; start < 8; start++)
        {
            var shifted = new float[cycles.Length - start];
            FastSine.Write(cycles.AsSpan(start), shifted);
            Assert.Equal(whole.AsSpan(start).ToArray(), shifted);
        }

    }
}
