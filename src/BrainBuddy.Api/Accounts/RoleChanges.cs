using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Accounts;

/// <summary>Grants and revokes roles, for the admin endpoints and the CLI alike: audited, and effective at once.</summary>
public sealed class RoleChanges(UserManager<User> users, UserStateCache userState, IAuditLog audit)
{
    /// <returns>Success when the user now has (or lacks) the role, including when nothing had to change.</returns>
    public async Task<IdentityResult> ChangeAsync(User user, string role, bool grant, string actor)
    {
        if (await users.IsInRoleAsync(user, role) == grant)
        {
            return IdentityResult.Success;
        }

        var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        // A new stamp ends the user's current access tokens, so their next request already carries the new roles.
        result = result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
        userState.Invalidate(user.Id);
        await audit.RecordAsync(
            actor,
            grant ? AuditActions.RoleGranted : AuditActions.RoleRevoked,
            user.Id,
            result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure,
            new Dictionary<string, string> { ["role"] = role });
        return result;
    }
}
