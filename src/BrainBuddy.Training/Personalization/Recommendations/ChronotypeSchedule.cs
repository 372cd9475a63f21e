using BrainBuddy.Data;
using BrainBuddy.Training.Personalization.Features;

namespace BrainBuddy.Training.Personalization.Recommendations;

/// <summary>
/// When each chronotype is most alert, after M. Breus, "The Power of When" (2016): lion early morning, bear
/// mid-morning, wolf evening, dolphin late morning. That is a popular book, not a measured result; it only times
/// evidence-level suggestions (the evidence says nothing about time of day), and models learn the rest from sessions.
/// Users without a chronotype get the bear's time, the type the book says is most common.
/// </summary>
public static class ChronotypeSchedule
{
    public static TimeOnly PeakTime(Chronotype? chronotype) => chronotype switch
    {
        Chronotype.Lion => new TimeOnly(7, 0),
        Chronotype.Wolf => new TimeOnly(19, 0),
        Chronotype.Dolphin => new TimeOnly(11, 0),
        _ => new TimeOnly(10, 0),
    };

    public static TimeOfDaySlot PeakSlot(Chronotype? chronotype) => TimeOfDaySlots.Of(PeakTime(chronotype));

    /// <summary>The chronotype's peak inside its own slot, the slot's usual time elsewhere.</summary>
    public static TimeOnly SuggestedTime(Chronotype? chronotype, TimeOfDaySlot slot) =>
        slot == PeakSlot(chronotype) ? PeakTime(chronotype) : TimeOfDaySlots.Representative(slot);
}
