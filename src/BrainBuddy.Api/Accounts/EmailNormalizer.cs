using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Accounts;

/// <summary>Emails (which are also user names) are stored trimmed and lower-cased, as the unique index expects.</summary>
public sealed class EmailNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => Normalize(name);

    public string? NormalizeEmail(string? email) => Normalize(email);

    public static string? Normalize(string? value) => value?.Trim().ToLowerInvariant();
}
