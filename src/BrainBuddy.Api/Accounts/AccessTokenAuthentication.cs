using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BrainBuddy.Api.Accounts;

public sealed class AccessTokenOptions : AuthenticationSchemeOptions
{
    public TokenValidationParameters TokenValidationParameters { get; set; } = new();
}

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;access token&gt;</c>. The signature, issuer, audience and lifetime are
/// checked by <see cref="CachingTokenHandler"/> (once per token and instance); whether the account, its security stamp
/// and the device are still signed in is checked on every request (<see cref="UserStateCache"/>), so a logout ends a
/// token at once. It does what JwtBearer did for us and nothing more: JwtBearer's per-request event contexts, copy of
/// the validation parameters and token bookkeeping were about a twentieth of a session listing's CPU
/// (bench/README.md). The validation parameters are shared, never changed after start-up.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AccessTokenOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CachingTokenHandler tokens,
    UserStateCache userState) : AuthenticationHandler<AccessTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Prefix = SchemeName + " ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var text = authorization.AsSpan(Prefix.Length).Trim();
        if (text.IsEmpty)
        {
            return AuthenticateResult.NoResult();
        }

        if (tokens.FindValidated(text) is not { } token)
        {
            (token, var refused) = await tokens.ValidateAsync(text.ToString(), Options.TokenValidationParameters);
            if (token is null)
            {
                return AuthenticateResult.Fail(refused!);
            }
        }

        if (!await userState.IsValidAsync(token.UserId, token.Stamp, token.Family, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The token was revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new SignedInPrincipal(token), Scheme.Name));
    }

    /// <summary>401 with the RFC 6750 challenge; <c>invalid_token</c> when a token was sent but not accepted.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var outcome = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = outcome.Failure is null ? SchemeName : SchemeName + " error=\"invalid_token\"";
    }
}
