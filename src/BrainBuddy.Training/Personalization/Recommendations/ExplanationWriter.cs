using System.Globalization;
using BrainBuddy.Data;
using BrainBuddy.Training.Personalization.Features;
using BrainBuddy.Training.Personalization.Models;

namespace BrainBuddy.Training.Personalization.Recommendations;

/// <summary>One sentence per option, naming what drove it: the feature groups that lift it most above the average candidate.</summary>
internal static class ExplanationWriter
{
    public static string FromModel(SessionFeatures session, double predicted, KnowledgeSource source, double personalWeight, KnowledgeSource below, IReadOnlyList<FeatureGroupKind> drivers)
    {
        var origin = source switch
        {
            KnowledgeSource.Personal when personalWeight >= 1 => "by your personal model",
            KnowledgeSource.Personal => $"by your personal model ({personalWeight.ToString("P0", CultureInfo.InvariantCulture)}) blended with {Describe(below)}",
            _ => $"by {Describe(source)}",
        };
        var reasons = drivers.Count == 0
            ? "with no single feature standing out"
            : "mostly because of " + string.Join(" and ", drivers.Select(kind => Phrase(kind, session)));
        return $"{Name(session)} is predicted at {Score(predicted)} {origin}, {reasons}.";
    }

    public static string FromEvidence(in SessionFeatures session, double predicted, Chronotype? chronotype)
    {
        var owner = chronotype is { } known ? $"a {Lower<Chronotype>(known)}" : "the most common chronotype (bear)";
        return $"{Name(session)} is predicted at {Score(predicted)} from published evidence, timed for the peak of {owner}.";
    }

    public static string Exploration(in SessionFeatures session, double predicted, double uncertainty, double probability) =>
        $"{Name(session)} is an exploration pick (chosen by Thompson sampling with probability {probability.ToString("0.00", CultureInfo.InvariantCulture)}): " +
        $"predicted at {Score(predicted)} ± {Score(uncertainty)}, uncertain enough that trying it teaches the model most.";

    private static string Name(in SessionFeatures session) =>
        $"{session.BrainwaveTarget} at {session.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)} for {session.DurationSeconds / 60} minutes";

    private static string Describe(KnowledgeSource source) => source switch
    {
        KnowledgeSource.Population => "the model of all users",
        KnowledgeSource.Evidence => "published evidence",
        _ => "your personal model",
    };

    private static string Phrase(FeatureGroupKind kind, in SessionFeatures session)
    {
        var target = Lower(session.BrainwaveTarget);
        var slot = TimeOfDaySlots.Describe(session.Slot);
        var chronotype = Lower(session.Chronotype);
        return kind switch
        {
            FeatureGroupKind.Target => target,
            FeatureGroupKind.TargetAtTimeOfDay => $"{target} in the {slot}",
            FeatureGroupKind.TimeOfDay => $"training in the {slot}",
            FeatureGroupKind.Duration => $"the {session.DurationSeconds / 60}-minute length",
            FeatureGroupKind.BeatFrequency => $"the {session.BeatFrequency?.ToString("0.#", CultureInfo.InvariantCulture)} Hz beat",
            FeatureGroupKind.CarrierFrequency => $"the {session.CarrierFrequency?.ToString("0", CultureInfo.InvariantCulture)} Hz carrier",
            FeatureGroupKind.DayOfWeek => $"it falling on a {session.LocalTime.DayOfWeek}",
            FeatureGroupKind.TargetForChronotype => $"{target} suiting a {chronotype}",
            FeatureGroupKind.ChronotypeAtTimeOfDay => $"the {slot} suiting a {chronotype}",
            FeatureGroupKind.Chronotype => $"being a {chronotype}",
            _ => "the module",
        };
    }

    private static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Lower<T>(T? value)
        where T : struct, Enum => value?.ToString().ToLowerInvariant() ?? "user";
}
