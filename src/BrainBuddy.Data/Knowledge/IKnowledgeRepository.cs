namespace BrainBuddy.Data.Knowledge;

public interface IKnowledgeRepository
{
    Task<KnowledgeEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <exception cref="Storage.DuplicateKeyException">An entry with the same natural key exists.</exception>
    Task InsertAsync(KnowledgeEntry entry, CancellationToken cancellationToken = default);

    /// <exception cref="Storage.DuplicateKeyException">The new natural key belongs to another entry.</exception>
    Task<bool> ReplaceAsync(KnowledgeEntry entry, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or updates every entry by its natural key, all or nothing: a failure leaves the collection as it was
    /// (a transaction on both backends; on a standalone MongoDB without transactions, entries are written in order).
    /// </summary>
    Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<KnowledgeEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>In id order; filters are optional.</summary>
    /// <exception cref="Storage.InvalidCursorException">The cursor was not issued by this listing.</exception>
    Task<Storage.Page<KnowledgeEntry>> ListAsync(KnowledgeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every entry for an outcome, for ranking.</summary>
    Task<IReadOnlyList<KnowledgeEntry>> ListByOutcomeAsync(string outcome, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Grows on every write to the collection in this process; lets readers cache derived rankings.</summary>
    long ChangeToken { get; }
}

public enum UpsertOutcome
{
    Added,
    Updated,
    Unchanged,
}

public sealed record KnowledgeQuery(string? StimulusType = null, string? Outcome = null, int Limit = 20, string? Cursor = null);
