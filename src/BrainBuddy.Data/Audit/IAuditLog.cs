namespace BrainBuddy.Data.Audit;

/// <summary>
/// Records what an admin may later need to reconstruct: failed sign-ins and lockouts, role changes, exports,
/// erasures, knowledge imports, key rotations. Recording never throws: a store that cannot take the event is
/// logged, and the operation the event describes goes on.
/// </summary>
public interface IAuditLog
{
    /// <param name="actor">A user id, or one of <see cref="AuditActors"/>.</param>
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    /// <param name="target">A user id or a collection name; never an email.</param>
    /// <param name="details">A few short facts; never a secret or another person's email.</param>
    Task RecordAsync(string actor, string action, string? target, AuditOutcome outcome, IReadOnlyDictionary<string, string>? details = null);
}
