using BrainBuddy.Audio.Synthesis;

namespace BrainBuddy.Audio.Rendering;

/// <summary>Raised-cosine fade-in at the start and fade-out at the end: gain = sin^2(pi/2 * frames into the ramp / ramp length).</summary>
internal sealed class FadeEnvelope(long totalFrames, long fadeInFrames, long fadeOutFrames)
{
    public void Apply(long frame, Span<float> left, Span<float> right, RenderScratch scratch)
    {
        ApplyRamp(frame, left, right, scratch, rampStart: 0, fadeInFrames, rising: true);
        ApplyRamp(frame, left, right, scratch, rampStart: totalFrames - fadeOutFrames, fadeOutFrames, rising: false);
    }

    private static void ApplyRamp(
        long frame, Span<float> left, Span<float> right, RenderScratch scratch, long rampStart, long rampFrames, bool rising)
    {
        var first = Math.Max(frame, rampStart);
        var end = Math.Min(frame + left.Length, rampStart + rampFrames);
        if (first >= end)
        {
            return;
        }

        var gains = scratch.Phase((int)(end - first));
        for (var i = 0; i < gains.Length; i++)
        {
            var intoRamp = rising ? first + i - rampStart : rampStart + rampFrames - 1 - (first + i);
            gains[i] = (float)(intoRamp / (4.0 * rampFrames));
        }

        FastSine.Write(gains, gains);
        var skip = (int)(first - frame);
        for (var i = 0; i < gains.Length; i++)
        {
            var gain = gains[i] * gains[i];
            left[skip + i] *= gain;
            right[skip + i] *= gain;
        }
    }
}
