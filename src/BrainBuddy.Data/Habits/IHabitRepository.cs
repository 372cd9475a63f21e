using BrainBuddy.Data.Storage;

namespace BrainBuddy.Data.Habits;

public interface IHabitRepository
{
    Task<InsertResult<Habit>> InsertAsync(Habit habit, CancellationToken cancellationToken = default);

    Task<Habit?> GetAsync(string userId, string id, CancellationToken cancellationToken = default);

    /// <summary>Newest first by (created_at, id).</summary>
    /// <exception cref="InvalidCursorException">The cursor was not issued by this listing.</exception>
    Task<Page<Habit>> ListAsync(string userId, HabitQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sets the fields given in <paramref name="changes"/> (null: unchanged).</summary>
    Task<Habit?> UpdateAsync(string userId, string id, HabitChanges changes, CancellationToken cancellationToken = default);

    /// <summary>Counts one attempt atomically and returns the habit after it; concurrent attempts are all counted.</summary>
    Task<Habit?> RecordAttemptAsync(string userId, string id, bool success, DateTime at, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default);

    Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken = default);
}

public sealed record HabitQuery(HabitType? HabitType = null, int Limit = 20, string? Cursor = null);

public sealed record HabitChanges(
    HabitType? HabitType = null,
    string? Trigger = null,
    string? Routine = null,
    string? Reward = null,
    InterruptProtocol? InterruptProtocol = null);
