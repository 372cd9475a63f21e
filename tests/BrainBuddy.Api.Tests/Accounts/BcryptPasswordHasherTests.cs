using BrainBuddy.Api.Accounts;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BrainBuddy.Api.Tests.Accounts;

public sealed class BcryptPasswordHasherTests
{
    private static BcryptPasswordHasher Hasher(int workFactor) => new(Options.Create(new AuthOptions { BcryptWorkFactor = workFactor }));

    [Fact]
    public void Should_hash_with_the_configured_cost_and_verify()
    {
        var hash = Hasher(5).HashPassword(new User(), "correct horse battery staple");

        Assert.Equal(5, BcryptPasswordHasher.WorkFactor(hash));
        Assert.Equal(PasswordVerificationResult.Success, Hasher(5).VerifyHashedPassword(new User(), hash, "correct horse battery staple"));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher(5).VerifyHashedPassword(new User(), hash, "correct horse battery stapler"));
    }

    [Fact]
    public void Should_ask_for_a_rehash_when_the_configured_cost_rises()
    {
        var hash = Hasher(4).HashPassword(new User(), "correct horse battery staple");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher(6).VerifyHashedPassword(new User(), hash, "correct horse battery staple"));
    }

    [Fact]
    public void Should_not_truncate_passwords_longer_than_72_bytes()
    {
        var prefix = new string('a', 80);
        var hash = Hasher(4).HashPassword(new User(), prefix + "1");

        Assert.Equal(PasswordVerificationResult.Failed, Hasher(4).VerifyHashedPassword(new User(), hash, prefix + "2"));
    }
}
