namespace BrainBuddy.Training.Personalization.Features;

/// <summary>
/// Parts of the day the featurizer and the recommender share. Daytime is cut into 3-hour slots because
/// chronotype peaks (lion early morning, wolf evening) sit a few hours apart; the night is one slot
/// because nobody should be sent to train then.
/// </summary>
public enum TimeOfDaySlot
{
    EarlyMorning,
    LateMorning,
    EarlyAfternoon,
    LateAfternoon,
    Evening,
    Night,
}

public static class TimeOfDaySlots
{
    public const int Count = 6;

    public static IReadOnlyList<TimeOfDaySlot> All { get; } = Enum.GetValues<TimeOfDaySlot>();

    public static TimeOfDaySlot Of(TimeOnly time) => time.Hour switch
    {
        >= 6 and < 9 => TimeOfDaySlot.EarlyMorning,
        >= 9 and < 12 => TimeOfDaySlot.LateMorning,
        >= 12 and < 15 => TimeOfDaySlot.EarlyAfternoon,
        >= 15 and < 18 => TimeOfDaySlot.LateAfternoon,
        >= 18 and < 21 => TimeOfDaySlot.Evening,
        _ => TimeOfDaySlot.Night,
    };

    /// <summary>The time a recommendation for the slot suggests when no chronotype says otherwise.</summary>
    public static TimeOnly Representative(TimeOfDaySlot slot) => slot switch
    {
        TimeOfDaySlot.EarlyMorning => new TimeOnly(7, 30),
        TimeOfDaySlot.LateMorning => new TimeOnly(10, 30),
        TimeOfDaySlot.EarlyAfternoon => new TimeOnly(13, 30),
        TimeOfDaySlot.LateAfternoon => new TimeOnly(16, 30),
        TimeOfDaySlot.Evening => new TimeOnly(19, 30),
        TimeOfDaySlot.Night => new TimeOnly(21, 30),
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, null),
    };

    public static string Describe(TimeOfDaySlot slot) => slot switch
    {
        TimeOfDaySlot.EarlyMorning => "early morning",
        TimeOfDaySlot.LateMorning => "late morning",
        TimeOfDaySlot.EarlyAfternoon => "early afternoon",
        TimeOfDaySlot.LateAfternoon => "late afternoon",
        TimeOfDaySlot.Evening => "evening",
        TimeOfDaySlot.Night => "night",
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, null),
    };
}
