using BrainBuddy.Data;

namespace BrainBuddy.Training.Personalization.Features;

/// <summary>
/// The unit of the empirical-Bayes model: brainwave target (or none, for the other modules) × time-of-day slot.
/// A user's effect in one cell is the population's plus a deviation of variance τ²; each session in the cell is
/// that plus noise of variance σ². Counting sessions per cell gives blend weights and uncertainties.
/// </summary>
public static class ExposureCells
{
    public const int Count = (FeatureLayout.TargetCount + 1) * TimeOfDaySlots.Count;

    public static int Of(in SessionFeatures session) => Of(session.BrainwaveTarget, session.Slot);

    public static int Of(BrainwaveTarget? target, TimeOfDaySlot slot) =>
        ((target is { } known ? (int)known + 1 : 0) * TimeOfDaySlots.Count) + (int)slot;
}
