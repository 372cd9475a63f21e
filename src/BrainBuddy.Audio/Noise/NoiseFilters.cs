namespace BrainBuddy.Audio.Noise;

/// <summary>
/// A colouring filter run over batches of white samples in place. Each filter keeps its state in locals for the
/// length of a batch, which is what keeps it in registers.
/// </summary>
internal interface INoiseFilter
{
    /// <summary>Output RMS for the uniform [-1, 1) input, used to bring every colour to the same loudness.</summary>
    double OutputRms { get; }

    void Process(Span<float> samples);
}

internal struct WhiteFilter : INoiseFilter
{
    public readonly double OutputRms => 1 / Math.Sqrt(3);

    public readonly void Process(Span<float> samples)
    {
    }
}

/// <summary>Paul Kellet's refined pink filter: -3 dB/octave within 0.05 dB from 0.0002 fs up to Nyquist.</summary>
internal struct PinkFilter : INoiseFilter
{
    private static readonly double ImpulseRms = MeasureImpulseRms();

    private double _b0;
    private double _b1;
    private double _b2;
    private double _b3;
    private double _b4;
    private double _b5;
    private double _b6;

    public readonly double OutputRms => ImpulseRms / Math.Sqrt(3);

    public void Process(Span<float> samples)
    {
        var (b0, b1, b2, b3, b4, b5, b6) = (_b0, _b1, _b2, _b3, _b4, _b5, _b6);
        foreach (ref var sample in samples)
        {
            double white = sample;
            b0 = (0.99886 * b0) + (white * 0.0555179);
            b1 = (0.99332 * b1) + (white * 0.0750759);
            b2 = (0.96900 * b2) + (white * 0.1538520);
            b3 = (0.86650 * b3) + (white * 0.3104856);
            b4 = (0.55000 * b4) + (white * 0.5329522);
            b5 = (-0.7616 * b5) - (white * 0.0168980);
            sample = (float)(b0 + b1 + b2 + b3 + b4 + b5 + b6 + (white * 0.5362));
            b6 = white * 0.115926;
        }

        (_b0, _b1, _b2, _b3, _b4, _b5, _b6) = (b0, b1, b2, b3, b4, b5, b6);
    }

    /// <summary>Square root of the impulse response's energy; 2^18 samples outlast the slowest pole (0.99886) by far.</summary>
    private static double MeasureImpulseRms()
    {
        var filter = default(PinkFilter);
        var response = new float[1 << 18];
        response[0] = 1;
        filter.Process(response);
        return Math.Sqrt(response.Sum(value => (double)value * value));
    }
}

/// <summary>Leaky integrator: -6 dB/octave above a 10 Hz corner; the leak stops the random walk drifting off to DC.</summary>
internal struct BrownFilter(int sampleRate) : INoiseFilter
{
    private const double CornerHz = 10;

    // 1 - w instead of exp(-w): plain arithmetic gives the same bits on every host (see CycleMath).
    private readonly double _leak = 1 - (2 * Math.PI * CornerHz / sampleRate);
    private double _level;

    public readonly double OutputRms => 1 / Math.Sqrt(3 * (1 - (_leak * _leak)));

    public void Process(Span<float> samples)
    {
        var level = _level;
        foreach (ref var sample in samples)
        {
            level = (_leak * level) + sample;
            sample = (float)level;
        }

        _level = level;
    }
}
