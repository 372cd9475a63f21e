using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Users;

public sealed class Role : IDocument
{
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();

    public string Name { get; set; } = "";

    public string NormalizedName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public static class RoleNames
{
    public const string User = "user";
    public const string Researcher = "researcher";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [User, Researcher, Admin];
}
