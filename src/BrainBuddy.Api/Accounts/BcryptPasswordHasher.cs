using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BrainBuddy.Api.Accounts;

/// <summary>
/// bcrypt through BCrypt.Net-Next. The "enhanced" variant pre-hashes with SHA-384, so passwords longer than
/// bcrypt's 72-byte input limit are not silently truncated.
/// </summary>
public sealed class BcryptPasswordHasher(IOptions<AuthOptions> options) : IPasswordHasher<User>
{
    private const BCrypt.Net.HashType PreHash = BCrypt.Net.HashType.SHA384;

    public string HashPassword(User user, string password) =>
        BCrypt.Net.BCrypt.EnhancedHashPassword(password, options.Value.BcryptWorkFactor, PreHash);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        if (!IsBcrypt(hashedPassword) || !BCrypt.Net.BCrypt.EnhancedVerify(providedPassword, hashedPassword, PreHash))
        {
            return PasswordVerificationResult.Failed;
        }

        return WorkFactor(hashedPassword) < options.Value.BcryptWorkFactor
            ? PasswordVerificationResult.SuccessRehashNeeded
            : PasswordVerificationResult.Success;
    }

    /// <summary>The cost in "$2a$12$…".</summary>
    public static int WorkFactor(string hash) => int.Parse(hash.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsBcrypt(string hash) => hash.Length == 60 && hash[0] == '$' && hash[3] == '$' && hash[6] == '$';
}
