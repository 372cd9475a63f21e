using System.Text.Json;
using BrainBuddy.Data;
using BrainBuddy.Data.Users;
using BrainBuddy.Api.Infrastructure;

namespace BrainBuddy.Api.Accounts;

public sealed record RegisterRequest(string? Email, string? Password, Chronotype? Chronotype);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record LogoutRequest(bool AllDevices = false);

/// <summary>PATCH /me: fields left out stay as they are.</summary>
public sealed record ProfileChanges(Chronotype? Chronotype, JsonElement? PrivacySettings);

/// <summary>The account as the app sees it: never a password hash, token or lockout state.</summary>
public sealed record Profile(string UserId, string Email, Chronotype? Chronotype, DateTime CreatedAt, JsonElement PrivacySettings, IReadOnlyList<string> Roles)
{
    public static Profile From(User user) =>
        new(user.Id, user.Email, user.Chronotype, user.CreatedAt, FreeFormObject.ToJson(user.PrivacySettings), user.Roles);
}
