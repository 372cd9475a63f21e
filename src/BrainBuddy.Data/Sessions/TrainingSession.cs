using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Sessions;

/// <summary>One training session a user recorded (stored in <c>sessions</c>).</summary>
public sealed class TrainingSession : IUserOwnedDocument
{
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();

    public string UserId { get; set; } = "";

    public ModuleType ModuleType { get; set; }

    public BrainwaveTarget? BrainwaveTarget { get; set; }

    /// <summary>What the app played or showed, e.g. frequency, carrier, duration. Free-form, keys validated by the API.</summary>
    public BsonDocument? GeneratedContent { get; set; }

    public int? UserRating { get; set; }

    public double? EffectivenessScore { get; set; }

    public DateTime Timestamp { get; set; }

    public int DurationSeconds { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
