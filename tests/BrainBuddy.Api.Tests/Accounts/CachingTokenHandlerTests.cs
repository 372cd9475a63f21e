using System.Security.Cryptography;
using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrainBuddy.Api.Tests.Accounts;

public sealed class CachingTokenHandlerTests
{
    private readonly SymmetricSecurityKey key = new(RandomNumberGenerator.GetBytes(32));
    private readonly TestClock clock = new();

    [Fact]
    public async Task Should_find_only_the_exact_text_it_validated_and_only_until_it_expires()
    {
        var handler = new CachingTokenHandler(clock, capacity: 10);
        var token = Token("65f1a2b3c4d5e6f708192a3b", TimeSpan.FromMinutes(15));
        Assert.Null(handler.FindValidated(token));

        var (accepted, refused) = await handler.ValidateAsync(token, Parameters());

        Assert.Null(refused);
        Assert.Equal("65f1a2b3c4d5e6f708192a3b", accepted!.UserId);
        Assert.Equal("stamp-1", accepted.Stamp);
        Assert.Equal("device-1", accepted.Family);
        Assert.Same(accepted, handler.FindValidated($"Bearer {token}".AsSpan(7)));
        Assert.Null(handler.FindValidated(token.AsSpan(0, token.Length - 1)));
        clock.Offset = TimeSpan.FromMinutes(16);
        Assert.Null(handler.FindValidated(token));
    }

    [Fact]
    public async Task Should_refuse_a_token_signed_with_another_key_and_not_remember_it()
    {
        var handler = new CachingTokenHandler(clock, capacity: 10);
        var forged = new JsonWebTokenHandler().CreateToken(Descriptor("65f1a2b3c4d5e6f708192a3b", TimeSpan.FromMinutes(15), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))));

        var (accepted, refused) = await handler.ValidateAsync(forged, Parameters());

        Assert.Null(accepted);
        Assert.NotNull(refused);
        Assert.Null(handler.FindValidated(forged));
    }

    [Fact]
    public async Task Should_drop_expired_tokens_first_when_full()
    {
        var handler = new CachingTokenHandler(clock, capacity: 2);
        var shortLived = Token("65f1a2b3c4d5e6f708192a3b", TimeSpan.FromMinutes(1));
        var longLived = Token("65f1a2b3c4d5e6f708192a3c", TimeSpan.FromMinutes(15));
        await handler.ValidateAsync(shortLived, Parameters());
        await handler.ValidateAsync(longLived, Parameters());
        clock.Offset = TimeSpan.FromMinutes(2);

        var third = Token("65f1a2b3c4d5e6f708192a3d", TimeSpan.FromMinutes(15));
        await handler.ValidateAsync(third, Parameters());

        Assert.NotNull(handler.FindValidated(longLived));
        Assert.NotNull(handler.FindValidated(third));
    }

    [Fact]
    public async Task Should_forget_every_token_when_full_of_live_ones_and_still_accept_them_again()
    {
        var handler = new CachingTokenHandler(clock, capacity: 2);
        var tokens = Enumerable.Range(0, 3).Select(i => Token($"65f1a2b3c4d5e6f708192a3{i}", TimeSpan.FromMinutes(15))).ToList();
        foreach (var token in tokens)
        {
            await handler.ValidateAsync(token, Parameters());
        }

        Assert.Null(handler.FindValidated(tokens[0]));
        Assert.NotNull(handler.FindValidated(tokens[2]));
        Assert.NotNull((await handler.ValidateAsync(tokens[0], Parameters())).Token);
    }

    private string Token(string userId, TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(Descriptor(userId, lifetime, key));

    private SecurityTokenDescriptor Descriptor(string userId, TimeSpan lifetime, SecurityKey signingKey)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new SecurityTokenDescriptor
        {
            Issuer = "test",
            Audience = "test",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId,
                [TokenService.StampClaim] = "stamp-1",
                [TokenService.FamilyClaim] = "device-1",
            },
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
        };
    }

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "test",
        ValidAudience = "test",
        IssuerSigningKey = key,
        LifetimeValidator = (_, expires, _, _) => clock.GetUtcNow().UtcDateTime < expires,
    };
}
