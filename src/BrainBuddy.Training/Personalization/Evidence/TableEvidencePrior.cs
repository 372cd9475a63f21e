using BrainBuddy.Data;

namespace BrainBuddy.Training.Personalization.Evidence;

/// <summary>
/// An <see cref="IEvidencePrior"/> read from a fixed table per target, ignoring beat and outcome. For tests and for
/// running before the knowledge ranking is adapted; not a summary of the literature.
/// </summary>
public sealed class TableEvidencePrior(IReadOnlyDictionary<BrainwaveTarget, EvidenceEstimate> byTarget, EvidenceEstimate otherwise) : IEvidencePrior
{
    /// <summary>
    /// Every target alike at 0.5 ± 0.2: the seed knowledge base supports binaural beats as a class (pooled
    /// meta-analyses) but has nothing that ranks one target above another, so a flat prior claims no more than that.
    /// </summary>
    public static TableEvidencePrior Flat { get; } = new(new Dictionary<BrainwaveTarget, EvidenceEstimate>(), new EvidenceEstimate(0.5, 0.2));

    public EvidenceEstimate Estimate(BrainwaveTarget? target, double? beatFrequency, string? outcome) =>
        target is { } known && byTarget.TryGetValue(known, out var estimate) ? estimate : otherwise;
}
