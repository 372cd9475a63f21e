namespace BrainBuddy.Data.Storage;

/// <summary>The collection names, as in MongoDB and as the embedded store's tables.</summary>
public static class StorageCollections
{
    public const string Users = "users";
    public const string Roles = "roles";
    public const string Sessions = "sessions";
    public const string Habits = "habits";
    public const string Knowledge = "brain_knowledge";
    public const string UserModels = "user_models";
    public const string AuditEvents = "audit_events";

    public static IReadOnlyList<string> All { get; } = [Users, Roles, Sessions, Habits, Knowledge, UserModels, AuditEvents];
}
