using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Audit;

/// <summary>
/// One security-relevant event (stored in <c>audit_events</c>). People appear only as user ids, never as emails,
/// and <see cref="Details"/> never holds secrets: the log is read by admins who must not learn either.
/// </summary>
public sealed class AuditEvent : IDocument
{
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();

    /// <summary>When the event was recorded; set by the repository.</summary>
    public DateTime Time { get; set; }

    /// <summary>Who did it: a user id, or one of <see cref="AuditActors"/>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>What happened: one of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it happened to: usually a user id, or a collection name.</summary>
    public string? Target { get; set; }

    public AuditOutcome Outcome { get; set; }

    /// <summary>A few short facts (a role name, counts, a reason code).</summary>
    public Dictionary<string, string>? Details { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum AuditOutcome
{
    Success,
    Failure,
    Denied,
}

/// <summary>Actors that are not a signed-in user.</summary>
public static class AuditActors
{
    /// <summary>The service itself (jobs, start-up work).</summary>
    public const string System = "system";

    /// <summary>An operator at the command line.</summary>
    public const string Cli = "cli";

    /// <summary>A caller who has not proved who they are (a failed sign-in).</summary>
    public const string Anonymous = "anonymous";
}

/// <summary>The audited actions; the admin listing filters on these exact strings.</summary>
public static class AuditActions
{
    public const string LoginFailed = "auth.login_failed";
    public const string LockedOut = "auth.locked_out";
    public const string RoleGranted = "roles.granted";
    public const string RoleRevoked = "roles.revoked";
    public const string DataExported = "privacy.exported";
    public const string AccountErased = "privacy.erased";
    public const string KnowledgeImported = "knowledge.imported";
    public const string KeysRotated = "keys.rotated";
}
