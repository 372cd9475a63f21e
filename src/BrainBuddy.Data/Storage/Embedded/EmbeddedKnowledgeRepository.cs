using BrainBuddy.Data.Knowledge;
using Microsoft.Data.Sqlite;
using static BrainBuddy.Data.Storage.Embedded.SqliteDatabase;

namespace BrainBuddy.Data.Storage.Embedded;

internal sealed class EmbeddedKnowledgeRepository(SqliteDatabase database, TimeProvider clock) : IKnowledgeRepository
{
    private long changeToken;

    /// <summary>Moves only on knowledge writes, so session traffic does not clear cached rankings.</summary>
    public long ChangeToken => Interlocked.Read(ref changeToken);

    public Task<KnowledgeEntry?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<KnowledgeEntry?>(database.ReadOne<KnowledgeEntry>("SELECT doc FROM brain_knowledge WHERE id = $id", ("$id", id)));

    public Task InsertAsync(KnowledgeEntry entry, CancellationToken cancellationToken = default)
    {
        entry.CreatedAt = entry.UpdatedAt = clock.UtcNowMilliseconds();
        return WriteAsync(connection => Write(connection, Insert, entry), cancellationToken);
    }

    public Task<bool> ReplaceAsync(KnowledgeEntry entry, CancellationToken cancellationToken = default)
    {
        entry.UpdatedAt = clock.UtcNowMilliseconds();
        return WriteAsync(connection => Write(connection, Update, entry), cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        WriteAsync(connection => Execute(connection, "DELETE FROM brain_knowledge WHERE id = $id", ("$id", id)) > 0, cancellationToken);

    public Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<KnowledgeEntry> entries, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNowMilliseconds();
        // One write operation, so the whole list shares one savepoint: it all lands or none of it does.
        return WriteAsync<IReadOnlyList<UpsertOutcome>>(connection => entries.Select(entry => Upsert(connection, entry, now)).ToList(), cancellationToken);
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(work, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref changeToken);
        }
    }

    public Task<Page<KnowledgeEntry>> ListAsync(KnowledgeQuery query, CancellationToken cancellationToken = default)
    {
        var after = query.Cursor is null ? null : KnowledgeCursor.Decode(query.Cursor);
        var sql = "SELECT doc FROM brain_knowledge WHERE 1 = 1"
            + (query.StimulusType is null ? "" : " AND stimulus_type = $stimulus")
            + (query.Outcome is null ? "" : " AND outcome = $outcome")
            + (after is null ? "" : " AND id > $after")
            + " ORDER BY id"
            + KeysetSql.Limit(query.Limit);
        var items = database.ReadMany<KnowledgeEntry>(sql, ("$stimulus", query.StimulusType), ("$outcome", query.Outcome), ("$after", after));
        return Task.FromResult(new Page<KnowledgeEntry>(items, items.Count < query.Limit ? null : KnowledgeCursor.Encode(items[^1].Id)));
    }

    public Task<IReadOnlyList<KnowledgeEntry>> ListByOutcomeAsync(string outcome, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KnowledgeEntry>>(database.ReadMany<KnowledgeEntry>("SELECT doc FROM brain_knowledge WHERE outcome = $outcome ORDER BY id", ("$outcome", outcome)));

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        using var reader = database.OpenReader();
        var connection = reader.Connection;
        return Task.FromResult((long)Scalar(connection, "SELECT COUNT(*) FROM brain_knowledge")!);
    }

    private static UpsertOutcome Upsert(SqliteConnection connection, KnowledgeEntry entry, DateTime now)
    {
        var stored = QueryDocuments<KnowledgeEntry>(connection, "SELECT doc FROM brain_knowledge WHERE natural_key = $key", ("$key", entry.NaturalKey)).FirstOrDefault();
        var outcome = KnowledgeContent.PrepareUpsert(stored, entry, now);
        if (outcome != UpsertOutcome.Unchanged)
        {
            Write(connection, outcome == UpsertOutcome.Added ? Insert : Update, entry);
        }

        return outcome;
    }

    private const string Insert = "INSERT INTO brain_knowledge (id, natural_key, stimulus_type, outcome, doc) VALUES ($id, $key, $stimulus, $outcome, $doc)";

    private const string Update = "UPDATE brain_knowledge SET natural_key = $key, stimulus_type = $stimulus, outcome = $outcome, doc = $doc WHERE id = $id";

    private static bool Write(SqliteConnection connection, string sql, KnowledgeEntry entry)
    {
        try
        {
            return Execute(connection, sql, ("$id", entry.Id), ("$key", entry.NaturalKey), ("$stimulus", entry.StimulusType), ("$outcome", entry.Outcome), ("$doc", ToBlob(entry))) > 0;
        }
        catch (SqliteException exception) when (IsUniqueViolation(exception))
        {
            throw new DuplicateKeyException("brain_knowledge", "natural key", exception);
        }
    }
}
