namespace BrainBuddy.Audio.Synthesis;

/// <summary>Left ear: the carrier. Right ear: the carrier plus the beat. The beat exists only once the brain combines the ears.</summary>
internal sealed class BinauralVoice(PhaseTrack carrier, PhaseTrack upper, float gain) : IVoice
{
    public void AddTo(long frame, Span<float> left, Span<float> right, RenderScratch scratch)
    {
        carrier.AddSine(frame, gain, left, scratch.Phase(left.Length));
        upper.AddSine(frame, gain, right, scratch.Phase(left.Length));
    }
}
