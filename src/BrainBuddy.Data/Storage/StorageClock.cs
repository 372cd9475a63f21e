namespace BrainBuddy.Data.Storage;

public static class StorageClock
{
    /// <summary>
    /// Now, cut to whole milliseconds: BSON dates hold milliseconds, so a time stamped on a document reads back
    /// exactly as it was returned when it was written, on both backends.
    /// </summary>
    public static DateTime UtcNowMilliseconds(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
