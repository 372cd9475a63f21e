using System.Collections.Concurrent;

namespace BrainBuddy.Audio.Tests.Support;

/// <summary>Frequency and amplitude measurements on plain sample arrays, written for clarity rather than speed.</summary>
internal static class Spectrum
{
    private static readonly ConcurrentDictionary<int, double[]> HannWindows = new();

    /// <summary>Amplitude of the component at <paramref name="frequency"/>, from the Hann-windowed DTFT of the window.</summary>
    public static double Amplitude(double[] samples, double sampleRate, double frequency)
    {
        var window = HannWindows.GetOrAdd(samples.Length, length =>
            [.. Enumerable.Range(0, length).Select(n => 0.5 - (0.5 * Math.Cos(2 * Math.PI * n / (length - 1))))]);
        var (stepSin, stepCos) = Math.SinCos(-2 * Math.PI * frequency / sampleRate);
        double real = 0, imaginary = 0, cos = 1, sin = 0, windowSum = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var weighted = window[n] * samples[n];
            real += weighted * cos;
            imaginary += weighted * sin;
            windowSum += window[n];
            (cos, sin) = ((cos * stepCos) - (sin * stepSin), (cos * stepSin) + (sin * stepCos));
        }

        return 2 * Math.Sqrt((real * real) + (imaginary * imaginary)) / windowSum;
    }

    /// <summary>The frequency in [low, high] where the windowed DTFT peaks: a coarse scan, then golden-section refinement.</summary>
    public static double PeakFrequency(double[] samples, double sampleRate, double low, double high)
    {
        var resolution = sampleRate / samples.Length / 4;
        var (best, bestAmplitude) = (low, 0.0);
        for (var frequency = low; frequency <= high; frequency += resolution)
        {
            var amplitude = Amplitude(samples, sampleRate, frequency);
            if (amplitude > bestAmplitude)
            {
                (best, bestAmplitude) = (frequency, amplitude);
            }
        }

        var (a, b) = (best - resolution, best + resolution);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        while (b - a > 1e-5)
        {
            var c = b - (ratio * (b - a));
            var d = a + (ratio * (b - a));
            if (Amplitude(samples, sampleRate, c) > Amplitude(samples, sampleRate, d))
            {
                b = d;
            }
            else
            {
                a = c;
            }
        }

        return (a + b) / 2;
    }

    /// <summary>Least-squares amplitude of a sinusoid of known frequency (any phase) over the samples.</summary>
    public static double FittedAmplitude(double[] samples, double sampleRate, double frequency)
    {
        double ss = 0, cc = 0, sc = 0, xs = 0, xc = 0;
        for (var n = 0; n < samples.Length; n++)
        {
            var angle = 2 * Math.PI * frequency * n / sampleRate;
            var (s, c) = Math.SinCos(angle);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            xs += samples[n] * s;
            xc += samples[n] * c;
        }

        var determinant = (ss * cc) - (sc * sc);
        var a = ((xs * cc) - (xc * sc)) / determinant;
        var b = ((xc * ss) - (xs * sc)) / determinant;
        return Math.Sqrt((a * a) + (b * b));
    }

    /// <summary>Welch power spectral density: Hann-windowed, half-overlapping segments, averaged. Index k is k * rate / segment Hz.</summary>
    public static double[] PowerSpectralDensity(double[] samples, int segment)
    {
        var psd = new double[(segment / 2) + 1];
        var count = 0;
        for (var start = 0; start + segment <= samples.Length; start += segment / 2)
        {
            var real = new double[segment];
            var imaginary = new double[segment];
            for (var n = 0; n < segment; n++)
            {
                real[n] = samples[start + n] * (0.5 - (0.5 * Math.Cos(2 * Math.PI * n / segment)));
            }

            Fft(real, imaginary);
            for (var k = 0; k < psd.Length; k++)
            {
                psd[k] += (real[k] * real[k]) + (imaginary[k] * imaginary[k]);
            }

            count++;
        }

        return [.. psd.Select(power => power / count)];
    }

    /// <summary>Least-squares slope of band level (dB) against octave number, over octave bands centred at the given frequencies.</summary>
    public static double DecibelsPerOctave(double[] psd, double sampleRate, int segment, IReadOnlyList<double> bandCentres)
    {
        var points = bandCentres.Select(centre =>
        {
            var low = (int)Math.Ceiling(centre / Math.Sqrt(2) * segment / sampleRate);
            var high = (int)Math.Floor(centre * Math.Sqrt(2) * segment / sampleRate);
            var density = psd[low..(high + 1)].Average();
            return (Octave: Math.Log2(centre), Level: 10 * Math.Log10(density));
        }).ToList();

        var meanOctave = points.Average(point => point.Octave);
        var meanLevel = points.Average(point => point.Level);
        return points.Sum(point => (point.Octave - meanOctave) * (point.Level - meanLevel))
            / points.Sum(point => (point.Octave - meanOctave) * (point.Octave - meanOctave));
    }

    /// <summary>In-place iterative radix-2 FFT.</summary>
    private static void Fft(double[] real, double[] imaginary)
    {
        var n = real.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (real[i], real[j]) = (real[j], real[i]);
                (imaginary[i], imaginary[j]) = (imaginary[j], imaginary[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            for (var k = 0; k < length / 2; k++)
            {
                var (sin, cos) = Math.SinCos(-2 * Math.PI * k / length);
                for (var evenIndex = k; evenIndex < n; evenIndex += length)
                {
                    var oddIndex = evenIndex + (length / 2);
                    var oddReal = (real[oddIndex] * cos) - (imaginary[oddIndex] * sin);
                    var oddImaginary = (real[oddIndex] * sin) + (imaginary[oddIndex] * cos);
                    real[oddIndex] = real[evenIndex] - oddReal;
                    imaginary[oddIndex] = imaginary[evenIndex] - oddImaginary;
                    real[evenIndex] += oddReal;
                    imaginary[evenIndex] += oddImaginary;
                }
            }
        }
    }
}
