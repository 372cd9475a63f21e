using BrainBuddy.Data;
using BrainBuddy.Training.Personalization.Features;

namespace BrainBuddy.Training.Personalization.Recommendations;

/// <summary>
/// The fixed grid every level scores: 5 targets × 2 beats inside the band × 4 durations × 6 times of day (240 sessions),
/// on a 200 Hz carrier (the middle of the range binaural beats are usually played on). Each session is placed at its
/// next occurrence after the request time, so the day of week it is featurized with is the day it would happen.
/// </summary>
public static class RecommendationCandidates
{
    public const double CarrierFrequency = 200;

    public static IReadOnlyList<int> DurationsMinutes { get; } = [10, 15, 20, 30];

    public static IReadOnlyList<double> Beats(BrainwaveTarget target) => target switch
    {
        BrainwaveTarget.Delta => [2, 3],
        BrainwaveTarget.Theta => [5, 7],
        BrainwaveTarget.Alpha => [9, 11],
        BrainwaveTarget.Beta => [15, 20],
        BrainwaveTarget.Gamma => [36, 40],
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    public static List<SessionFeatures> For(DateTime now, Chronotype? chronotype, IReadOnlyCollection<TimeOfDaySlot> slots)
    {
        var candidates = new List<SessionFeatures>();
        foreach (var slot in slots)
        {
            var at = NextOccurrence(now, ChronotypeSchedule.SuggestedTime(chronotype, slot));
            foreach (var target in Enum.GetValues<BrainwaveTarget>())
            {
                foreach (var beat in Beats(target))
                {
                    foreach (var minutes in DurationsMinutes)
                    {
                        candidates.Add(new SessionFeatures(ModuleType.Brainwave, target, beat, CarrierFrequency, minutes * 60, at, chronotype));
                    }
                }
            }
        }

        return candidates;
    }

    private static DateTime NextOccurrence(DateTime now, TimeOnly time)
    {
        var today = now.Date + time.ToTimeSpan();
        return today > now ? today : today.AddDays(1);
    }
}
