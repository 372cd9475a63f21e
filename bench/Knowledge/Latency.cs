using System.Diagnostics;

namespace BrainBuddy.Bench.Knowledge;

/// <summary>Wall-clock samples in milliseconds and their percentiles (nearest rank).</summary>
internal sealed class Latency
{
    private readonly List<double> samples = [];

    public int Count => samples.Count;

    public async Task<T> MeasureAsync<T>(Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await work();
        samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public double Percentile(double percent)
    {
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() =>
        $"n = {Count}, p50 {Percentile(50):0.000} ms, p99 {Percentile(99):0.000} ms, max {Percentile(100):0.000} ms";
}
