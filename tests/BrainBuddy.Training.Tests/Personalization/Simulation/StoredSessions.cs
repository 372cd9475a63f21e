using BrainBuddy.Data.Sessions;
using MongoDB.Bson;

namespace BrainBuddy.Training.Tests.Personalization.Simulation;

public static class StoredSessions
{
    /// <summary>
    /// A simulated session as the app records it, the inverse of <see cref="LabelledSessions.From"/>: beat and carrier
    /// go inside generated_content (carrier 200 Hz when the simulation gave none).
    /// </summary>
    public static TrainingSession ToStored(this LabelledSession session, string userId) => new()
    {
        UserId = userId,
        ModuleType = session.ModuleType,
        BrainwaveTarget = session.BrainwaveTarget,
        GeneratedContent = session.BeatFrequency is { } beat
            ? new BsonDocument { ["beat_frequency"] = beat, ["carrier_frequency"] = session.CarrierFrequency ?? 200 }
            : null,
        UserRating = session.UserRating,
        EffectivenessScore = session.EffectivenessScore,
        Timestamp = session.Timestamp,
        DurationSeconds = session.DurationSeconds,
    };
}
