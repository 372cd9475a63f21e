using BrainBuddy.Data.Users;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BrainBuddy.Api.Accounts;

/// <summary>
/// What every authenticated request checks about its token beyond the signature: the account still exists, its
/// security stamp is unchanged, and the device (token family) is still signed in. Cached briefly so the check
/// costs no database read on most requests; changes made through this instance evict the entry at once.
/// </summary>
public sealed class UserStateCache(IUserRepository users, IMemoryCache cache, IOptions<AuthOptions> options)
{
    public async ValueTask<bool> IsValidAsync(string userId, string stamp, string family, CancellationToken cancellationToken)
    {
        var key = CacheKey(userId);
        if (!cache.TryGetValue(key, out UserState? state))
        {
            var user = await users.GetByIdAsync(userId, cancellationToken);
            state = user is null ? null : new UserState(user.SecurityStamp, user.RefreshTokens.Select(t => t.FamilyId).ToHashSet(StringComparer.Ordinal));
            cache.Set(key, state, TimeSpan.FromSeconds(options.Value.UserStateCacheSeconds));
        }

        return state is not null && state.Stamp == stamp && state.Families.Contains(family);
    }

    public void Invalidate(string userId) => cache.Remove(CacheKey(userId));

    private static string CacheKey(string userId) => "user-state:" + userId;

    private sealed record UserState(string Stamp, HashSet<string> Families);
}
