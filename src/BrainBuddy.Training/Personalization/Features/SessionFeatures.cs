using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;

namespace BrainBuddy.Training.Personalization.Features;

/// <summary>
/// What the models see of one session, past or proposed. <see cref="LocalTime"/> is the time of day as the
/// user lives it: sessions carry only their stored timestamp, so until users have a time zone the hour is
/// taken from it as stored; convert here, and only here, once they do.
/// </summary>
public readonly record struct SessionFeatures(
    ModuleType ModuleType,
    BrainwaveTarget? BrainwaveTarget,
    double? BeatFrequency,
    double? CarrierFrequency,
    int DurationSeconds,
    DateTime LocalTime,
    Chronotype? Chronotype)
{
    public TimeOfDaySlot Slot => TimeOfDaySlots.Of(TimeOnly.FromDateTime(LocalTime));

    public static SessionFeatures From(LabelledSession session, Chronotype? chronotype) => new(
        session.ModuleType,
        session.BrainwaveTarget,
        session.BeatFrequency,
        session.CarrierFrequency,
        session.DurationSeconds,
        session.Timestamp,
        chronotype);
}
