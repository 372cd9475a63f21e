using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Habits;

/// <summary>A PFC Gym habit loop (stored in <c>habits</c>).</summary>
public sealed class Habit : IUserOwnedDocument
{
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();

    public string UserId { get; set; } = "";

    public HabitType HabitType { get; set; }

    public string Trigger { get; set; } = "";

    public string Routine { get; set; } = "";

    public string Reward { get; set; } = "";

    public InterruptProtocol? InterruptProtocol { get; set; }

    public int SuccessCount { get; set; }

    public int AttemptCount { get; set; }

    /// <summary>Consecutive successful attempts, in the order the attempts reached the server.</summary>
    public int CurrentStreak { get; set; }

    public int BestStreak { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public sealed class InterruptProtocol
{
    public string Technique { get; set; } = "";

    /// <summary>How long the interrupt lasts, in seconds.</summary>
    public int Duration { get; set; }
}
