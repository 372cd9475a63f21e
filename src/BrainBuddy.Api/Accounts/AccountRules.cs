using System.Net.Mail;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Accounts;

internal static class AccountRules
{
    public static readonly User TimingUser = new();

    private static string? timingHash;

    public static void Email(string? email, ValidationErrors errors)
    {
        errors.Length("email", email, 254, required: true);
        if (!string.IsNullOrWhiteSpace(email) && (!MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim()))
        {
            errors.Add("email", "is not a valid email address.");
        }
    }

    /// <summary>A hash at the configured cost, made once, to verify against when the email is unknown.</summary>
    public static string TimingHash(IPasswordHasher<User> hasher) => timingHash ??= hasher.HashPassword(TimingUser, Guid.NewGuid().ToString());
}
