using System.Security.Claims;
using System.Security.Cryptography;
using BrainBuddy.Data.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrainBuddy.Api.Accounts;

/// <summary>The pair a sign-in or refresh returns.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

/// <summary>
/// Issues short-lived JWT access tokens and long-lived refresh tokens. A refresh token is "userId.secret";
/// only the secret's SHA-256 is stored. Each sign-in starts a family (one device); every refresh rotates the
/// token within its family, and presenting a used token again revokes the whole family.
/// </summary>
public sealed class TokenService(IUserRepository users, SigningKey signingKey, UserStateCache userState, AccountLocks locks, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string FamilyClaim = "sid";
    public const string StampClaim = "stamp";

    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<TokenResponse> SignInAsync(User user, CancellationToken cancellationToken)
    {
        var family = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        string? refresh = null;
        await ChangeAsync(user, u =>
        {
            refresh = AddRefreshToken(u, family);
            return true;
        }, cancellationToken);
        return new TokenResponse(AccessToken(user, family), AccessTokenHandler.SchemeName, options.Value.AccessTokenMinutes * 60, refresh!);
    }

    /// <returns>null when the token is unknown, expired, revoked or reused.</returns>
    public async Task<TokenResponse?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (!TryParse(refreshToken, out var userId, out var hash) || await users.GetByIdAsync(userId, cancellationToken) is not { } user)
        {
            return null;
        }

        string? family = null;
        string? next = null;
        var outcome = await ChangeAsync(user, u =>
        {
            var token = u.RefreshTokens.FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(t.TokenHash), hash));
            if (token is null || token.ExpiresAt <= Now)
            {
                return false;
            }

            if (token.UsedAt is not null)
            {
                // Reuse: whoever holds this family's tokens is not the rightful device any more.
                u.RefreshTokens.RemoveAll(t => t.FamilyId == token.FamilyId);
                return true;
            }

            token.UsedAt = Now;
            family = token.FamilyId;
            next = AddRefreshToken(u, token.FamilyId);
            return true;
        }, cancellationToken);
        return outcome && next is not null ? new TokenResponse(AccessToken(user, family!), AccessTokenHandler.SchemeName, options.Value.AccessTokenMinutes * 60, next) : null;
    }

    /// <summary>Signs out one device (its token family), or every device by rotating the security stamp.</summary>
    public Task SignOutAsync(User user, string family, bool allDevices, CancellationToken cancellationToken) =>
        ChangeAsync(user, u =>
        {
            u.RefreshTokens.RemoveAll(t => allDevices || t.FamilyId == family);
            if (allDevices)
            {
                u.SecurityStamp = Guid.NewGuid().ToString("N");
            }

            return true;
        }, cancellationToken);

    private string AccessToken(User user, string family)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Id,
            [FamilyClaim] = family,
            [StampClaim] = user.SecurityStamp,
            [ClaimTypes.Role] = user.Roles.ToArray(),
        };
        var now = Now;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(options.Value.AccessTokenMinutes),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    private string AddRefreshToken(User user, string family)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        user.RefreshTokens.RemoveAll(t => t.ExpiresAt <= Now);
        user.RefreshTokens.Add(new RefreshToken
        {
            TokenHash = Convert.ToHexStringLower(SHA256.HashData(secret)),
            FamilyId = family,
            ExpiresAt = Now.AddDays(options.Value.RefreshTokenDays),
        });
        var families = user.RefreshTokens.GroupBy(t => t.FamilyId).OrderByDescending(g => g.Max(t => t.ExpiresAt)).Skip(options.Value.MaxDevices).Select(g => g.Key).ToHashSet();
        user.RefreshTokens.RemoveAll(t => families.Contains(t.FamilyId));
        return $"{user.Id}.{Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(secret)}";
    }

    /// <summary>
    /// Applies a change to the stored user with the concurrency check, re-reading and retrying when another request
    /// won. The lock queues this instance's changes to the account (a user signing in on several devices at once used
    /// to exhaust the retries and get a 500), so a retry is only needed when another instance changed it.
    /// </summary>
    private async Task<bool> ChangeAsync(User user, Func<User, bool> change, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(user.Id, cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (!change(user))
            {
                return false;
            }

            var expected = user.ConcurrencyStamp;
            user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            if (await users.ReplaceAsync(user, expected, cancellationToken))
            {
                userState.Invalidate(user.Id);
                return true;
            }

            var fresh = await users.GetByIdAsync(user.Id, cancellationToken) ?? throw new InvalidOperationException("The account no longer exists.");
            user.RefreshTokens = fresh.RefreshTokens;
            user.SecurityStamp = fresh.SecurityStamp;
            user.ConcurrencyStamp = fresh.ConcurrencyStamp;
            user.Roles = fresh.Roles;
        }

        throw new AccountBusyException();
    }

    private static bool TryParse(string token, out string userId, out byte[] hash)
    {
        userId = "";
        hash = [];
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != 24 || !MongoDB.Bson.ObjectId.TryParse(token[..dot], out _))
        {
            return false;
        }

        try
        {
            var secret = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(token[(dot + 1)..]);
            userId = token[..dot];
            hash = SHA256.HashData(secret);
            return secret.Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
