using Microsoft.Extensions.Logging;

namespace BrainBuddy.Data.Audit;

/// <summary>Writes audit events to <see cref="IAuditRepository"/>; a failed write is logged, never thrown.</summary>
public sealed class AuditLog(IAuditRepository events, ILogger<AuditLog> logger) : IAuditLog
{
    public async Task RecordAsync(string actor, string action, string? target, AuditOutcome outcome, IReadOnlyDictionary<string, string>? details = null)
    {
        var auditEvent = new AuditEvent
        {
            Actor = actor,
            Action = action,
            Target = target,
            Outcome = outcome,
            Details = details is null ? null : new Dictionary<string, string>(details, StringComparer.Ordinal),
        };
        try
        {
            // No caller token: an event about a request must be stored even when that request's client went away.
            await events.InsertAsync(auditEvent, CancellationToken.None);
        }
#pragma warning disable CA1031 // Do not catch general exception types: the audited operation must not fail because its record could not be kept.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.AuditWriteFailed(exception, action, actor, target);
        }
    }
}
