using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Tests.Support;

/// <summary>
/// The phase a channel should have, found by numerically integrating its instantaneous frequency (Simpson's rule)
/// rather than by the renderer's closed forms. Segment boundaries fall on the frame nearest each cumulative time, and a
/// slide spans its segment's whole number of frames.
/// </summary>
internal sealed class PhaseOracle
{
    private readonly List<(long Start, long Frames, Func<double, double> Frequency)> _pieces = [];
    private readonly int _rate;

    public PhaseOracle(IReadOnlyList<Segment> segments, int rate, bool upperTone)
    {
        _rate = rate;
        double beat = 0, carrier = 0, elapsed = 0;
        long start = 0;
        foreach (var segment in segments)
        {
            var beatFrom = segment.Beat ?? beat;
            var carrierFrom = segment.Carrier ?? carrier;
            beat = segment.BeatEnd ?? beatFrom;
            carrier = segment.CarrierEnd ?? carrierFrom;
            elapsed += segment.Duration;
            var end = (long)Math.Round(elapsed * rate);

            var from = upperTone ? carrierFrom + beatFrom : carrierFrom;
            var to = upperTone ? carrier + beat : carrier;
            Func<double, double> ease = segment.Slide == SlideShape.Smooth ? x => (1 - Math.Cos(Math.PI * x)) / 2 : x => x;
            var frames = end - start;
            _pieces.Add((start, frames, seconds => from + ((to - from) * ease(seconds * rate / frames))));
            start = end;
        }
    }

    /// <summary>Cycles elapsed at each frame of [first, first + count), integrating from the start of the timeline.</summary>
    public double[] CyclesAt(long first, int count)
    {
        var cycles = new double[count];
        var phase = 0.0;
        foreach (var (start, frames, frequency) in _pieces)
        {
            // Stretches outside the window are integrated in 20 000 coarse steps; inside it, frame by frame.
            var windowFrom = Math.Clamp(first - start, 0, frames);
            var windowTo = Math.Clamp(first + count - start, windowFrom, frames);
            phase += Simpson(frequency, 0, windowFrom / (double)_rate, steps: 20000);
            for (var local = windowFrom; local < windowTo; local++)
            {
                cycles[start + local - first] = phase;
                phase += Simpson(frequency, local / (double)_rate, (local + 1) / (double)_rate, steps: 2);
            }

            phase += Simpson(frequency, windowTo / (double)_rate, frames / (double)_rate, steps: 20000);
        }

        return cycles;
    }

    private static double Simpson(Func<double, double> f, double from, double to, int steps)
    {
        if (to <= from)
        {
            return 0;
        }

        var h = (to - from) / steps;
        var sum = f(from) + f(to);
        for (var i = 1; i < steps; i++)
        {
            sum += f(from + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }
}
