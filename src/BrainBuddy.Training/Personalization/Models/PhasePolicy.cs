using BrainBuddy.Data;

namespace BrainBuddy.Training.Personalization.Models;

/// <summary>When a user's own model takes over from the level below it.</summary>
public static class PhasePolicy
{
    public const int MinimumLabelledSessions = 20;

    /// <summary>How many standard errors of the paired difference the personal model must win by (one-sided, about 98 %).</summary>
    public const double RequiredMargin = 2;

    /// <summary>
    /// Adaptive once there are enough sessions and the personal model predicts the user's held-out sessions better
    /// (lower mean absolute error) than the level below, by more than noise: a user who rates at random can beat the
    /// population by luck on a few sessions, and should not be handed a model of that luck.
    /// </summary>
    public static ModelPhase Decide(int labelledSessions, HeldOutComparison? heldOut) =>
        labelledSessions >= MinimumLabelledSessions && heldOut is { } comparison
            && comparison.BaselineError - comparison.PersonalError > RequiredMargin * comparison.DifferenceStandardError
            ? ModelPhase.Adaptive
            : ModelPhase.Developmental;
}

/// <summary>Cross-validated errors on the user's own sessions.</summary>
/// <param name="PersonalError">Mean absolute error of the personal model.</param>
/// <param name="BaselineError">Mean absolute error of the level below.</param>
/// <param name="DifferenceStandardError">Standard error of the mean per-session difference of the two absolute errors.</param>
/// <param name="PersonalSquaredError">Mean squared error of the personal model: the user's noise plus what the model still misses.</param>
public sealed record HeldOutComparison(
    double PersonalError,
    double BaselineError,
    double DifferenceStandardError,
    double PersonalSquaredError,
    KnowledgeSource Baseline);
