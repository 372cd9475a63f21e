namespace BrainBuddy.Data.Habits;

/// <summary>
/// How one attempt changes a habit. The MongoDB repository expresses the same rule as an update pipeline;
/// the contract tests hold both to it.
/// </summary>
public static class HabitAttempts
{
    public static void Apply(Habit habit, bool success, DateTime at)
    {
        habit.AttemptCount++;
        if (success)
        {
            habit.SuccessCount++;
            habit.CurrentStreak++;
            habit.BestStreak = Math.Max(habit.BestStreak, habit.CurrentStreak);
        }
        else
        {
            habit.CurrentStreak = 0;
        }

        habit.LastAttemptAt = habit.LastAttemptAt is { } last && last > at ? last : at;
    }
}
