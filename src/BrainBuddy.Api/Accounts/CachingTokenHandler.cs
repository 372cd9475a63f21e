using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrainBuddy.Api.Accounts;

/// <summary>
/// Validates each access token once per instance and remembers the result until the token expires. A mobile client
/// sends the same token with every request for its fifteen minutes, and parsing it and checking its signature was
/// about a tenth of the CPU of a session listing (bench/README.md). Only that work is skipped: whether the account,
/// its security stamp and the device are still signed in is checked on every request (<see cref="UserStateCache"/>),
/// so a logout still ends a token at once. Entries are keyed by the whole token, so only the exact text that passed
/// validation is ever accepted from the cache; it is looked up as a slice of the Authorization header, without a copy.
/// </summary>
public sealed class CachingTokenHandler : JsonWebTokenHandler
{
    private readonly ConcurrentDictionary<string, AccessToken> validated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessToken>.AlternateLookup<ReadOnlySpan<char>> validatedByText;
    private readonly TimeProvider clock;
    private readonly int capacity;

    /// <param name="capacity">Tokens remembered at most; beyond it the expired ones are dropped, or all of them if none has expired.</param>
    public CachingTokenHandler(TimeProvider clock, int capacity)
    {
        this.clock = clock;
        this.capacity = capacity;
        validatedByText = validated.GetAlternateLookup<ReadOnlySpan<char>>();
        MapInboundClaims = false;
    }

    /// <summary>A token validated earlier and not expired since, or null.</summary>
    public AccessToken? FindValidated(ReadOnlySpan<char> token) =>
        validatedByText.TryGetValue(token, out var known) && clock.GetUtcNow() < known.Expires ? known : null;

    /// <summary>Validates a token not found by <see cref="FindValidated"/> and remembers it when valid.</summary>
    /// <returns>The token, or the reason it was refused.</returns>
    public async Task<(AccessToken? Token, Exception? Refused)> ValidateAsync(string token, TokenValidationParameters validationParameters)
    {
        var result = await ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid || result.SecurityToken is null)
        {
            return (null, result.Exception ?? new SecurityTokenValidationException("The access token is not valid."));
        }

        var accepted = AccessToken.From(result.ClaimsIdentity, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
        if (validated.Count >= capacity)
        {
            Compact();
        }

        validated[token] = accepted;
        return (accepted, null);
    }

    /// <summary>Drops the expired tokens; when none has expired, drops them all (each is validated once more on its next use).</summary>
    private void Compact()
    {
        var now = clock.GetUtcNow();
        foreach (var (text, token) in validated)
        {
            if (token.Expires <= now)
            {
                validated.TryRemove(text, out _);
            }
        }

        if (validated.Count >= capacity)
        {
            validated.Clear();
        }
    }
}

/// <summary>
/// What a validated access token says, read once when it is validated: the identity with all its claims, and the
/// three claims every request needs. Requests carrying the same token share the identity (all of them are the same
/// user on the same device), so nothing may add claims to it.
/// </summary>
public sealed record AccessToken(ClaimsIdentity Identity, string UserId, string Stamp, string Family, DateTimeOffset Expires)
{
    public static AccessToken From(ClaimsIdentity identity, DateTimeOffset expires) => new(
        identity,
        identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? throw new SecurityTokenValidationException("The access token has no subject."),
        identity.FindFirst(TokenService.StampClaim)?.Value ?? "",
        identity.FindFirst(TokenService.FamilyClaim)?.Value ?? "",
        expires);
}
