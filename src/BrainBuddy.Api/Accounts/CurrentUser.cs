using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BrainBuddy.Api.Accounts;

/// <summary>The user of a request authenticated by an access token; its claims were read once, when the token was validated.</summary>
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
    public static string? UserIdOrNull(this ClaimsPrincipal principal) =>
        principal is SignedInPrincipal signedIn ? signedIn.Token.UserId : principal.FindFirstValue(JwtRegisteredClaimNames.Sub);

    public static string TokenFamily(this ClaimsPrincipal principal) =>
        principal is SignedInPrincipal signedIn ? signedIn.Token.Family : principal.FindFirstValue(TokenService.FamilyClaim) ?? "";
}
