namespace BrainBuddy.Audio.Synthesis;

/// <summary>One layer of the mix, already scaled to its share of the output level.</summary>
internal interface IVoice
{
    /// <summary>Adds this voice's samples for frames [frame, frame + left.Length) into both channels.</summary>
    void AddTo(long frame, Span<float> left, Span<float> right, RenderScratch scratch);
}
