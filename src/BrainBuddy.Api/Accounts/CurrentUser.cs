using System.Security.Claims;

namespace BrainBuddy.Api.Accounts;

/// <summary>
/// The user of a request authenticated by an access token; its claims were read once, when the token was validated.
/// <see cref="AccessTokenHandler"/> is the only authentication scheme, so every signed-in request's user is one.
/// </summary>
public sealed class SignedInPrincipal(AccessToken token) : ClaimsPrincipal(token.Identity)
{
    public AccessToken Token { get; } = token;
}

public static class CurrentUser
{
    /// <summary>The signed-in user's id (the token's subject); endpoints that call this require authorization.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.UserIdOrNull() ?? throw new InvalidOperationException("The request is not authenticated.");

    /// <summary>The token's subject, or null for an anonymous request.</summary>
    public static string? UserIdOrNull(this ClaimsPrincipal principal) => (principal as SignedInPrincipal)?.Token.UserId;

    /// <summary>The device (refresh-token family) the request's access token was issued to; empty for an anonymous request.</summary>
    public static string TokenFamily(this ClaimsPrincipal principal) => (principal as SignedInPrincipal)?.Token.Family ?? "";
}
