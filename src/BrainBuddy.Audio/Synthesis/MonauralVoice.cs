namespace BrainBuddy.Audio.Synthesis;

/// <summary>Both tones at half level in both ears: they interfere acoustically, so the beat is audible without headphones.</summary>
internal sealed class MonauralVoice(PhaseTrack carrier, PhaseTrack upper, float gain) : IVoice
{
    public void AddTo(long frame, Span<float> left, Span<float> right, RenderScratch scratch)
    {
        var tone = scratch.Tone(left.Length);
        tone.Clear();
        carrier.AddSine(frame, gain / 2, tone, scratch.Phase(left.Length));
        upper.AddSine(frame, gain / 2, tone, scratch.Phase(left.Length));
        SpanMath.AddScaled(tone, 1, left);
        SpanMath.AddScaled(tone, 1, right);
    }
}
