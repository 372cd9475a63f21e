using BrainBuddy.Data;
using BrainBuddy.Training.Personalization.Features;
using BrainBuddy.Training.Personalization.Models;

namespace BrainBuddy.Training.Personalization.Recommendations;

/// <param name="Now">The request time as the user lives it (see <see cref="SessionFeatures.LocalTime"/>).</param>
/// <param name="Outcome">The goal asked for, passed to the evidence prior; null for any.</param>
/// <param name="Count">Options returned: the best Count − 1 (one per target), then one exploration option.</param>
public sealed record RecommendationRequest(DateTime Now, string? Outcome = null, int Count = 3);

public sealed record RecommendationSet(ModelPhase Phase, IReadOnlyList<RecommendedSession> Options);

/// <param name="Uncertainty">Posterior standard deviation of <paramref name="PredictedEffectiveness"/>.</param>
/// <param name="PersonalWeight">Share of the prediction from the personal model: n/(n+k) while developmental, 1 once adaptive.</param>
/// <param name="SelectionProbability">Probability the policy shows this option: 1 for the best options, Thompson sampling's for exploration.</param>
public sealed record RecommendedSession(
    BrainwaveTarget BrainwaveTarget,
    double BeatFrequency,
    double CarrierFrequency,
    int DurationSeconds,
    TimeOnly SuggestedTime,
    TimeOfDaySlot TimeOfDay,
    double PredictedEffectiveness,
    double Uncertainty,
    KnowledgeSource Source,
    double PersonalWeight,
    bool Exploration,
    double SelectionProbability,
    string Explanation);
