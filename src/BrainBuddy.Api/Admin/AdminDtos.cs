using BrainBuddy.Data.Audit;

namespace BrainBuddy.Api.Admin;

public sealed record RoleInput(string? Role);

public sealed record UserRoles(string UserId, IReadOnlyList<string> Roles);

public sealed record AuditEventOutput(string Id, DateTime Time, string Actor, string Action, string? Target, AuditOutcome Outcome, IReadOnlyDictionary<string, string>? Details)
{
    public static AuditEventOutput From(AuditEvent e) => new(e.Id, e.Time, e.Actor, e.Action, e.Target, e.Outcome, e.Details);
}

public sealed record AuditPage(IReadOnlyList<AuditEventOutput> Items, string? NextCursor);
