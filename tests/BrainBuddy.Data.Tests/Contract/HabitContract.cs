using BrainBuddy.Data.Habits;

namespace BrainBuddy.Data.Tests.Contract;

public abstract partial class StorageContractTests
{
    private static Habit NewHabit(string userId, HabitType type = HabitType.NegativeLoop) => new()
    {
        UserId = userId,
        HabitType = type,
        Trigger = "phone on desk",
        Routine = "scroll",
        Reward = "novelty",
        InterruptProtocol = new InterruptProtocol { Technique = "box breathing", Duration = 90 },
    };

    [Fact]
    public async Task Should_count_every_one_of_a_hundred_concurrent_attempts()
    {
        var habit = NewHabit(NewId());
        await Sut.Habits.InsertAsync(habit, Ct);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => Sut.Habits.RecordAttemptAsync(habit.UserId, habit.Id, success: i % 4 != 0, DateTime.UtcNow, Ct), Ct)));
        var stored = await Sut.Habits.GetAsync(habit.UserId, habit.Id, Ct);

        Assert.Equal(100, stored!.AttemptCount);
        Assert.Equal(75, stored.SuccessCount);
    }

    [Fact]
    public async Task Should_track_current_and_best_streak_in_arrival_order()
    {
        var habit = NewHabit(NewId());
        await Sut.Habits.InsertAsync(habit, Ct);
        var at = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

        Habit? last = null;
        foreach (var success in new[] { true, true, true, false, true })
        {
            last = await Sut.Habits.RecordAttemptAsync(habit.UserId, habit.Id, success, at = at.AddHours(1), Ct);
        }

        Assert.Equal((5, 4, 1, 3), (last!.AttemptCount, last.SuccessCount, last.CurrentStreak, last.BestStreak));
        Assert.Equal(at, last.LastAttemptAt);
    }

    [Fact]
    public async Task Should_update_given_fields_and_list_newest_first_by_type()
    {
        var userId = NewId();
        var first = NewHabit(userId);
        await Sut.Habits.InsertAsync(first, Ct);
        await Task.Delay(5, Ct);
        var second = NewHabit(userId, HabitType.PositiveRoutine);
        await Sut.Habits.InsertAsync(second, Ct);

        var updated = await Sut.Habits.UpdateAsync(userId, first.Id, new HabitChanges(Routine: "walk"), Ct);
        var all = await Sut.Habits.ListAsync(userId, new HabitQuery(), Ct);
        var positive = await Sut.Habits.ListAsync(userId, new HabitQuery(HabitType.PositiveRoutine), Ct);
        var paged = await Sut.Habits.ListAsync(userId, new HabitQuery(Limit: 1), Ct);
        var rest = await Sut.Habits.ListAsync(userId, new HabitQuery(Limit: 1, Cursor: paged.NextCursor), Ct);

        Assert.Equal(("walk", "phone on desk"), (updated!.Routine, updated.Trigger));
        Assert.Equal([second.Id, first.Id], all.Items.Select(h => h.Id));
        Assert.Equal([second.Id], positive.Items.Select(h => h.Id));
        Assert.Equal([first.Id], rest.Items.Select(h => h.Id));
    }

    [Fact]
    public async Task Should_keep_users_apart_on_every_habit_operation()
    {
        var habit = NewHabit(NewId());
        await Sut.Habits.InsertAsync(habit, Ct);
        var other = NewId();

        Assert.Null(await Sut.Habits.GetAsync(other, habit.Id, Ct));
        Assert.Null(await Sut.Habits.UpdateAsync(other, habit.Id, new HabitChanges(Routine: "x"), Ct));
        Assert.Null(await Sut.Habits.RecordAttemptAsync(other, habit.Id, true, DateTime.UtcNow, Ct));
        Assert.False(await Sut.Habits.DeleteAsync(other, habit.Id, Ct));
        Assert.Empty((await Sut.Habits.ListAsync(other, new HabitQuery(), Ct)).Items);
        var stored = await Sut.Habits.GetAsync(habit.UserId, habit.Id, Ct);
        Assert.Equal(("scroll", 0), (stored!.Routine, stored.AttemptCount));
        Assert.True(await Sut.Habits.DeleteAsync(habit.UserId, habit.Id, Ct));
    }
}
