using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Accounts;

/// <summary>
/// ASP.NET Core Identity's user store on our repositories (no MongoDB Identity package exists here). The email is
/// the user name; updates check the concurrency stamp so two concurrent changes never silently overwrite each other.
/// </summary>
public sealed class UserStore(IUserRepository users) :
    IUserPasswordStore<User>,
    IUserEmailStore<User>,
    IUserSecurityStampStore<User>,
    IUserLockoutStore<User>,
    IUserRoleStore<User>
{
    public const string ConcurrencyFailureCode = "ConcurrencyFailure";

    private static readonly IdentityError ConcurrencyFailure = new() { Code = ConcurrencyFailureCode, Description = "The account was changed by another request; try again." };

    public async Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken)
    {
        try
        {
            await users.InsertAsync(user, cancellationToken);
            return IdentityResult.Success;
        }
        catch (DuplicateKeyException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(user.Email));
        }
    }

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            return await users.ReplaceAsync(user, expected, cancellationToken) ? IdentityResult.Success : IdentityResult.Failed(ConcurrencyFailure);
        }
        catch (DuplicateKeyException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(user.Email));
        }
    }

    public Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Accounts are erased through IDataStore.EraseUserAsync, which removes their data too.");

    public Task<User?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        MongoDB.Bson.ObjectId.TryParse(userId, out _) ? users.GetByIdAsync(userId, cancellationToken) : Task.FromResult<User?>(null);

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => users.GetByEmailAsync(normalizedUserName, cancellationToken);

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => users.GetByEmailAsync(normalizedEmail, cancellationToken);

    public Task<string> GetUserIdAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(User user, string? userName, CancellationToken cancellationToken) => Set(() => user.Email = EmailNormalizer.Normalize(userName) ?? "");

    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken cancellationToken) => Set(() => user.Email = normalizedName ?? user.Email);

    public Task<string?> GetEmailAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetEmailAsync(User user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = EmailNormalizer.Normalize(email) ?? "");

    public Task<string?> GetNormalizedEmailAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetNormalizedEmailAsync(User user, string? normalizedEmail, CancellationToken cancellationToken) => Set(() => user.Email = normalizedEmail ?? user.Email);

    // Confirmation mails are not part of this product; every address counts as confirmed.
    public Task<bool> GetEmailConfirmedAsync(User user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetEmailConfirmedAsync(User user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetPasswordHashAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.HashedPassword);

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.HashedPassword = passwordHash);

    public Task<bool> HasPasswordAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.HashedPassword is not null);

    public Task<string?> GetSecurityStampAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task SetSecurityStampAsync(User user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(user.LockoutEnd is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : null);

    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd?.UtcDateTime);

    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(User user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    public Task AddToRoleAsync(User user, string roleName, CancellationToken cancellationToken) =>
        Set(() =>
        {
            if (!user.Roles.Contains(roleName))
            {
                user.Roles.Add(roleName);
            }
        });

    public Task RemoveFromRoleAsync(User user, string roleName, CancellationToken cancellationToken) => Set(() => user.Roles.Remove(roleName));

    public Task<IList<string>> GetRolesAsync(User user, CancellationToken cancellationToken) => Task.FromResult<IList<string>>([.. user.Roles]);

    public Task<bool> IsInRoleAsync(User user, string roleName, CancellationToken cancellationToken) => Task.FromResult(user.Roles.Contains(roleName));

    public async Task<IList<User>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) => [.. await users.ListInRoleAsync(roleName, cancellationToken)];

    public void Dispose()
    {
    }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}

/// <summary>Identity's role store on the <c>roles</c> collection.</summary>
public sealed class RoleStore(IRoleRepository roles) : IRoleStore<Role>
{
    public async Task<IdentityResult> CreateAsync(Role role, CancellationToken cancellationToken)
    {
        try
        {
            await roles.InsertAsync(role, cancellationToken);
            return IdentityResult.Success;
        }
        catch (DuplicateKeyException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateRoleName(role.Name));
        }
    }

    public async Task<IdentityResult> UpdateAsync(Role role, CancellationToken cancellationToken) =>
        await roles.ReplaceAsync(role, cancellationToken) ? IdentityResult.Success : IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());

    public async Task<IdentityResult> DeleteAsync(Role role, CancellationToken cancellationToken)
    {
        await roles.DeleteAsync(role.Id, cancellationToken);
        return IdentityResult.Success;
    }

    public Task<string> GetRoleIdAsync(Role role, CancellationToken cancellationToken) => Task.FromResult(role.Id);

    public Task<string?> GetRoleNameAsync(Role role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);

    public Task SetRoleNameAsync(Role role, string? roleName, CancellationToken cancellationToken)
    {
        role.Name = roleName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedRoleNameAsync(Role role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.NormalizedName);

    public Task SetNormalizedRoleNameAsync(Role role, string? normalizedName, CancellationToken cancellationToken)
    {
        role.NormalizedName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task<Role?> FindByIdAsync(string roleId, CancellationToken cancellationToken) => roles.GetByIdAsync(roleId, cancellationToken);

    public Task<Role?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken) => roles.GetByNameAsync(normalizedRoleName, cancellationToken);

    public void Dispose()
    {
    }
}
