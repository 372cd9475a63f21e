using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Users;

/// <summary>An account. <see cref="Email"/> is stored normalised (trimmed, lower case) and is unique.</summary>
public sealed class User : IDocument
{
    public string Id { get; set; } = ObjectId.GenerateNewId().ToString();

    public string Email { get; set; } = "";

    public string? HashedPassword { get; set; }

    public Chronotype? Chronotype { get; set; }

    public BsonDocument PrivacySettings { get; set; } = [];

    public List<string> Roles { get; set; } = [];

    /// <summary>Changes when credentials change or the user logs out everywhere; tokens carry it.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Optimistic concurrency for Identity's read-modify-write updates.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool LockoutEnabled { get; set; } = true;

    public DateTime? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    public List<RefreshToken> RefreshTokens { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A refresh token, stored only as a SHA-256 hash. Tokens of one sign-in share a family: presenting
/// a token that was already used revokes the whole family (reuse means it was stolen).
/// </summary>
public sealed class RefreshToken
{
    public string TokenHash { get; set; } = "";

    public string FamilyId { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
