using System.Security.Cryptography;
using BrainBuddy.Data;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Demo;

/// <summary>What <c>seed-demo</c> did: created the account (with this password), or found it already there.</summary>
public sealed record DemoSeedResult(bool Created, string UserId, string? Password, int Sessions, int Habits, int Attempts);

/// <summary>Creates the demo account with a few weeks of sessions and two habits with attempts; a second run changes nothing.</summary>
public sealed class DemoSeeder(UserManager<User> users, ISessionRepository sessions, IHabitRepository habits, TimeProvider clock)
{
    public const string Email = "demo@brainbuddy.local";

    public async Task<DemoSeedResult> SeedAsync(string? password, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(Email) is { } existing)
        {
            return new DemoSeedResult(false, existing.Id, null, 0, 0, 0);
        }

        password ??= RandomPassword();
        var user = new User { Email = Email, Chronotype = Chronotype.Bear, Roles = [RoleNames.User] };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var recorded = await sessions.InsertManyAsync(DemoSessions.Generate(user.Id, now), cancellationToken);
        var attempts = 0;
        foreach (var (habit, successRate) in Habits(user.Id))
        {
            await habits.InsertAsync(habit, cancellationToken);
            attempts += await PracticeAsync(habit, successRate, now, cancellationToken);
        }

        return new DemoSeedResult(true, user.Id, password, recorded.Count, 2, attempts);
    }

    private static (Habit Habit, double SuccessRate)[] Habits(string userId) =>
    [
        (new Habit
        {
            UserId = userId,
            HabitType = HabitType.NegativeLoop,
            Trigger = "Phone on the pillow at 23:00",
            Routine = "Scroll until past midnight",
            Reward = "Novelty without effort",
            InterruptProtocol = new InterruptProtocol { Technique = "4-7-8 breathing, phone to the kitchen", Duration = 120 },
        }, 0.55),
        (new Habit
        {
            UserId = userId,
            HabitType = HabitType.PositiveRoutine,
            Trigger = "Kettle on in the morning",
            Routine = "Ten minutes of alpha-band audio before email",
            Reward = "A calm first hour",
        }, 0.8),
    ];

    /// <summary>One attempt a day for three weeks, succeeding more often as the habit settles.</summary>
    private async Task<int> PracticeAsync(Habit habit, double successRate, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(habit.Trigger.Length);
        const int days = 21;
        for (var day = days; day > 0; day--)
        {
            var settled = successRate + ((days - day) * 0.01);
            await habits.RecordAttemptAsync(habit.UserId, habit.Id, random.NextDouble() < settled, now.AddDays(-day).AddHours(-2), cancellationToken);
        }

        return days;
    }

    private static string RandomPassword() => "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
