using BrainBuddy.Data.Habits;
using Microsoft.Data.Sqlite;
using static BrainBuddy.Data.Storage.Embedded.SqliteDatabase;

namespace BrainBuddy.Data.Storage.Embedded;

internal sealed class EmbeddedHabitRepository(SqliteDatabase database, TimeProvider clock) : IHabitRepository
{
    public Task<InsertResult<Habit>> InsertAsync(Habit habit, CancellationToken cancellationToken = default)
    {
        habit.CreatedAt = habit.UpdatedAt = clock.UtcNowMilliseconds();
        return database.WriteOneStatementAsync(connection =>
        {
            var inserted = Execute(
                connection,
                "INSERT INTO habits (id, user_id, habit_type, created_at, doc) VALUES ($id, $user, $type, $created, $doc) ON CONFLICT (id) DO NOTHING",
                ("$id", habit.Id),
                ("$user", habit.UserId),
                ("$type", EnumName.Of(habit.HabitType)),
                ("$created", ToMillis(habit.CreatedAt)),
                ("$doc", ToBlob(habit)));
            if (inserted == 1)
            {
                return new InsertResult<Habit>(InsertOutcome.Created, habit);
            }

            var stored = Find(connection, habit.UserId, habit.Id);
            return stored is not null ? new(InsertOutcome.AlreadyExists, stored) : throw new DuplicateKeyException("habits", "id");
        }, cancellationToken);
    }

    public Task<Habit?> GetAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Habit?>(database.ReadOne<Habit>("SELECT doc FROM habits WHERE id = $id AND user_id = $user", ("$id", id), ("$user", userId)));

    public Task<Page<Habit>> ListAsync(string userId, HabitQuery query, CancellationToken cancellationToken = default)
    {
        var after = KeysetCursor.Decode(query.Cursor);
        var sql = "SELECT doc FROM habits WHERE user_id = $user"
            + (query.HabitType is null ? "" : " AND habit_type = $type")
            + (after is null ? "" : KeysetSql.OlderThan("created_at"))
            + " ORDER BY created_at DESC, id DESC"
            + KeysetSql.Limit(query.Limit);
        var items = database.ReadMany<Habit>(
            sql,
            ("$user", userId),
            ("$type", query.HabitType is { } type ? EnumName.Of(type) : null),
            ("$after_time", after is { } a ? ToMillis(a.Time) : null),
            ("$after_id", after?.Id));
        return Task.FromResult(new Page<Habit>(items, KeysetCursor.After(items, query.Limit, h => h.CreatedAt, h => h.Id)));
    }

    public Task<Habit?> UpdateAsync(string userId, string id, HabitChanges changes, CancellationToken cancellationToken = default) =>
        Modify(userId, id, habit =>
        {
            habit.HabitType = changes.HabitType ?? habit.HabitType;
            habit.Trigger = changes.Trigger ?? habit.Trigger;
            habit.Routine = changes.Routine ?? habit.Routine;
            habit.Reward = changes.Reward ?? habit.Reward;
            habit.InterruptProtocol = changes.InterruptProtocol ?? habit.InterruptProtocol;
        }, cancellationToken);

    public Task<Habit?> RecordAttemptAsync(string userId, string id, bool success, DateTime at, CancellationToken cancellationToken = default) =>
        Modify(userId, id, habit => HabitAttempts.Apply(habit, success, at), cancellationToken);

    public Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken = default) =>
        database.WriteOneStatementAsync(connection => Execute(connection, "DELETE FROM habits WHERE id = $id AND user_id = $user", ("$id", id), ("$user", userId)) > 0, cancellationToken);

    public Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(connection => DeleteAllForUser(connection, userId), cancellationToken);

    internal static long DeleteAllForUser(SqliteConnection connection, string userId) =>
        Execute(connection, "DELETE FROM habits WHERE user_id = $user", ("$user", userId));

    private static Habit? Find(SqliteConnection connection, string userId, string id) =>
        QueryDocuments<Habit>(connection, "SELECT doc FROM habits WHERE id = $id AND user_id = $user", ("$id", id), ("$user", userId)).FirstOrDefault();

    /// <summary>Read-modify-write on the single writer connection, so concurrent changes serialise and none is lost.</summary>
    private Task<Habit?> Modify(string userId, string id, Action<Habit> change, CancellationToken cancellationToken) =>
        database.WriteOneStatementAsync(connection =>
        {
            var habit = Find(connection, userId, id);
            if (habit is null)
            {
                return null;
            }

            change(habit);
            habit.UpdatedAt = clock.UtcNowMilliseconds();
            Execute(connection, "UPDATE habits SET habit_type = $type, doc = $doc WHERE id = $id", ("$type", EnumName.Of(habit.HabitType)), ("$doc", ToBlob(habit)), ("$id", id));
            return habit;
        }, cancellationToken);
}
