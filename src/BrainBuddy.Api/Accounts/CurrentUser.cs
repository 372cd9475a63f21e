using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BrainBuddy.Api.Accounts;

public static class CurrentUser
{
    /// <summary>The signed-in user's id (the token's subject); endpoints that call this require authorization.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string TokenFamily(this ClaimsPrincipal principal) => principal.FindFirstValue(TokenService.FamilyClaim) ?? "";
}
