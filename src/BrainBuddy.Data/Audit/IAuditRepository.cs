using BrainBuddy.Data.Storage;

namespace BrainBuddy.Data.Audit;

public interface IAuditRepository
{
    /// <summary>Stores the event, stamping <see cref="AuditEvent.Time"/> with the current time.</summary>
    Task InsertAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Newest first by (time, id); filters are optional and exact.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not issued by this listing.</exception>
    Task<Page<AuditEvent>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

public sealed record AuditQuery(string? Action = null, string? Actor = null, int Limit = 20, string? Cursor = null);
