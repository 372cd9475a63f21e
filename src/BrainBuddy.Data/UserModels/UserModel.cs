using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.UserModels;

/// <summary>
/// A user's personal model (stored in <c>user_models</c>, one per user). <see cref="ModelWeights"/> holds
/// the saved ML.NET model encrypted with AES-256-GCM; the store never sees plaintext weights.
/// </summary>
public sealed class UserModel : IUserOwnedDocument
{
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();

    public string UserId { get; set; } = "";

    public byte[] ModelWeights { get; set; } = [];

    /// <summary>Which configured key encrypted <see cref="ModelWeights"/>.</summary>
    public string KeyId { get; set; } = "";

    public DateTime LastUpdated { get; set; }

    public int TrainingSteps { get; set; }

    public ModelPhase Phase { get; set; }

    /// <summary>Labelled sessions the model was trained on, and the newest one's time: retraining is due when newer ones exist.</summary>
    public int LabelledSessionCount { get; set; }

    public DateTime? NewestSessionAt { get; set; }

    /// <summary>Mean absolute error on the user's held-out sessions, for the personal model and the level below it.</summary>
    public double? HeldOutError { get; set; }

    public double? BaselineHeldOutError { get; set; }

    /// <summary>Incremented on every write; writes name the version they read (compare-and-swap).</summary>
    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
