using BrainBuddy.Data;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Storage;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// What the ranking treats as one stimulus: the stimulus type plus the brainwave band it targets, when the entry
/// names one in its <c>brainwave_target</c> parameter. Other parameters (carrier, duration, population) describe how a
/// study ran the stimulus, not a different stimulus, so findings that differ only in them are combined.
/// </summary>
public readonly record struct StimulusKey(string StimulusType, BrainwaveTarget? BrainwaveTarget)
{
    public const string BrainwaveTargetParameter = "brainwave_target";

    /// <summary>Stimulus type, then untargeted before the bands from delta to gamma.</summary>
    public static readonly IComparer<StimulusKey> Order = Comparer<StimulusKey>.Create((left, right) =>
    {
        var byType = string.CompareOrdinal(left.StimulusType, right.StimulusType);
        return byType != 0 ? byType : Nullable.Compare(left.BrainwaveTarget, right.BrainwaveTarget);
    });

    public static StimulusKey Of(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var target = entry.StimulusParameters.TryGetValue(BrainwaveTargetParameter, out var value)
            && value.IsString
            && EnumName.TryParse<BrainwaveTarget>(value.AsString, out var band)
                ? band
                : (BrainwaveTarget?)null;
        return new StimulusKey(entry.StimulusType, target);
    }
}
