using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Synthesis;

namespace BrainBuddy.Audio.Noise;

/// <summary>
/// Renders coloured noise in fixed blocks. Each block restarts its filter from silence <c>warmUpFrames</c> samples
/// before the block and runs it over the same counter-based white samples as the continuous signal would, so by the
/// block's first sample the filter state matches the never-restarted one to within 1e-8 of full scale: no seam is
/// audible or even visible in 16-bit output, and any block can be rendered on its own.
/// </summary>
internal abstract class NoiseShape
{
    /// <summary>Every colour is brought to this RMS, so a 5-sigma peak reaches full scale and the colours sound equally loud.</summary>
    protected const double TargetRms = 0.2;

    /// <summary>Longer than 18 time constants of the slowest filter pole at 48 kHz.</summary>
    private const int FilterWarmUpFrames = 16384;

    public static NoiseShape For(VoiceKind kind, int sampleRate) => kind switch
    {
        VoiceKind.WhiteNoise => new NoiseShape<WhiteFilter>(default, warmUpFrames: 0),
        VoiceKind.PinkNoise => new NoiseShape<PinkFilter>(default, FilterWarmUpFrames),
        VoiceKind.BrownNoise => new NoiseShape<BrownFilter>(new BrownFilter(sampleRate), FilterWarmUpFrames),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a noise voice."),
    };

    /// <summary>Writes samples [first, first + output.Length) of the stream, each in [-1, 1].</summary>
    public abstract void Render(NoiseStream stream, long first, Span<float> output);
}

internal sealed class NoiseShape<TFilter>(TFilter silent, int warmUpFrames) : NoiseShape
    where TFilter : struct, INoiseFilter
{
    private const int WarmUpBatch = 1024;

    private readonly float _scale = (float)(TargetRms / silent.OutputRms);

    public override void Render(NoiseStream stream, long first, Span<float> output)
    {
        Span<float> warmUp = stackalloc float[WarmUpBatch];
        var filter = silent;
        for (var index = first - warmUpFrames; index < first; index += WarmUpBatch)
        {
            var batch = warmUp[..(int)Math.Min(WarmUpBatch, first - index)];
            CounterNoise.Fill(stream, index, batch);
            filter.Process(batch);
        }

        CounterNoise.Fill(stream, first, output);
        filter.Process(output);

        // Clipping the rare >5-sigma peak keeps the voice inside the peak the mixer budgets for it.
        SpanMath.ScaleAndClamp(output, _scale);
    }
}
