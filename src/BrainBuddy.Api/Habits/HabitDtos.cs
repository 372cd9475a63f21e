using BrainBuddy.Data;
using BrainBuddy.Data.Habits;

namespace BrainBuddy.Api.Habits;

public sealed record InterruptProtocolDto(string? Technique, int? Duration);

/// <summary>A PFC Gym habit loop. <c>id</c> is optional: send your own to make retries safe.</summary>
public sealed record HabitInput(string? Id, HabitType? HabitType, string? Trigger, string? Routine, string? Reward, InterruptProtocolDto? InterruptProtocol);

/// <summary>PATCH: fields left out stay as they are.</summary>
public sealed record HabitPatch(HabitType? HabitType, string? Trigger, string? Routine, string? Reward, InterruptProtocolDto? InterruptProtocol);

public sealed record AttemptInput(bool? Success, DateTimeOffset? At);

public sealed record HabitOutput(
    string Id,
    HabitType HabitType,
    string Trigger,
    string Routine,
    string Reward,
    InterruptProtocolDto? InterruptProtocol,
    int SuccessCount,
    int AttemptCount,
    double SuccessRate,
    int CurrentStreak,
    int BestStreak,
    DateTime? LastAttemptAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static HabitOutput From(Habit habit) => new(
        habit.Id,
        habit.HabitType,
        habit.Trigger,
        habit.Routine,
        habit.Reward,
        habit.InterruptProtocol is { } protocol ? new InterruptProtocolDto(protocol.Technique, protocol.Duration) : null,
        habit.SuccessCount,
        habit.AttemptCount,
        SuccessRateOf(habit),
        habit.CurrentStreak,
        habit.BestStreak,
        habit.LastAttemptAt,
        habit.CreatedAt,
        habit.UpdatedAt);

    public static double SuccessRateOf(Habit habit) => habit.AttemptCount == 0 ? 0 : Math.Round((double)habit.SuccessCount / habit.AttemptCount, 4);
}

public sealed record AttemptOutput(int SuccessCount, int AttemptCount, double SuccessRate, int CurrentStreak, int BestStreak);

public sealed record HabitPage(IReadOnlyList<HabitOutput> Items, string? NextCursor);
