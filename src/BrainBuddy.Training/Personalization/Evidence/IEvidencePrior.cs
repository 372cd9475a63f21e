using BrainBuddy.Data;

namespace BrainBuddy.Training.Personalization.Evidence;

/// <summary>
/// The first level of knowledge: what published evidence says a stimulus does, on the 0–1 effectiveness scale,
/// before anyone has used the app. The knowledge ranking is adapted to this by the host; it is called on the
/// recommendation path, so an adapter should cache its ranking rather than query per call.
/// </summary>
public interface IEvidencePrior
{
    /// <param name="target">Null for sessions without a brainwave target (the other modules).</param>
    /// <param name="beatFrequency">The proposed beat in hertz, when there is one.</param>
    /// <param name="outcome">The goal asked for (knowledge-base outcome, e.g. "increased_focus"); null for any.</param>
    EvidenceEstimate Estimate(BrainwaveTarget? target, double? beatFrequency, string? outcome);
}

/// <param name="Effectiveness">Expected effectiveness, 0–1.</param>
/// <param name="Uncertainty">Standard deviation of that expectation; weak evidence means a wide one.</param>
public readonly record struct EvidenceEstimate(double Effectiveness, double Uncertainty);
