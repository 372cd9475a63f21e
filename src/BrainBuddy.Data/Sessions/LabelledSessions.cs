namespace BrainBuddy.Data.Sessions;

public static class LabelledSessions
{
    /// <summary>Beat and carrier come from generated_content, where the app records what it played.</summary>
    public static LabelledSession From(TrainingSession session) => new(
        session.Id,
        session.ModuleType,
        session.BrainwaveTarget,
        Number(session, "beat_frequency") ?? Number(session, "frequency"),
        Number(session, "carrier_frequency"),
        session.DurationSeconds,
        session.Timestamp,
        session.UserRating,
        session.EffectivenessScore);

    private static double? Number(TrainingSession session, string key) =>
        session.GeneratedContent is { } content && content.TryGetValue(key, out var value) && value.IsNumeric ? value.ToDouble() : null;
}
