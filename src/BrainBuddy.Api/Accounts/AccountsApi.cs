using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Accounts;

public static class AccountsApi
{
    private const string BadCredentials = "The email or password is wrong, or the account is temporarily locked.";

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Accounts").RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/register", Register).WithName("Register").WithSummary("Create an account");
        group.MapPost("/login", Login).WithName("Login").WithSummary("Sign in; returns an access and a refresh token");
        group.MapPost("/refresh", Refresh).WithName("Refresh").WithSummary("Exchange a refresh token for a new pair (the old one stops working)");
        group.MapPost("/logout", Logout).WithName("Logout").WithSummary("Sign out this device, or every device").RequireAuthorization();
        return group;
    }

    private static async Task<Results<Created<Profile>, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> Register(RegisterRequest request, UserManager<User> users, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        AccountRules.Email(request.Email, errors);
        errors.Length("password", request.Password, 256, required: true);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var user = new User { Email = EmailNormalizer.Normalize(request.Email)!, Chronotype = request.Chronotype, Roles = [RoleNames.User] };
        var result = await users.CreateAsync(user, request.Password!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail) || e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "Conflict", Detail = "An account with this email already exists.", Status = 409 });
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            }

            return errors.ToProblem();
        }

        return TypedResults.Created("/api/v1/me", Profile.From(user));
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(LoginRequest request, UserManager<User> users, TokenService tokens, IPasswordHasher<User> hasher, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Length("email", request.Email, 254, required: true);
        errors.Length("password", request.Password, 256, required: true);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var user = await users.FindByEmailAsync(request.Email!);
        if (user is null)
        {
            // Spend the same bcrypt time as a real check, so response time does not tell which emails exist.
            hasher.VerifyHashedPassword(AccountRules.TimingUser, AccountRules.TimingHash(hasher), request.Password!);
            await audit.RecordAsync(AuditActors.Anonymous, AuditActions.LoginFailed, null, AuditOutcome.Failure, Reason("unknown_account"));
            return Unauthorized();
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(AuditActors.Anonymous, AuditActions.LoginFailed, user.Id, AuditOutcome.Denied, Reason("locked_out"));
            return Unauthorized();
        }

        if (!await users.CheckPasswordAsync(user, request.Password!))
        {
            await users.AccessFailedAsync(user);
            var lockedNow = await users.IsLockedOutAsync(user);
            await audit.RecordAsync(
                AuditActors.Anonymous,
                lockedNow ? AuditActions.LockedOut : AuditActions.LoginFailed,
                user.Id,
                lockedNow ? AuditOutcome.Denied : AuditOutcome.Failure,
                Reason("wrong_password"));
            return Unauthorized();
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return TypedResults.Ok(await tokens.SignInAsync(user, cancellationToken));
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(RefreshRequest request, TokenService tokens, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Length("refresh_token", request.RefreshToken, 200, required: true);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await tokens.RefreshAsync(request.RefreshToken!, cancellationToken) is { } pair
            ? TypedResults.Ok(pair)
            : TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: "The refresh token is not valid. Sign in again.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Logout(LogoutRequest? request, HttpContext context, IUserRepository users, TokenService tokens, CancellationToken cancellationToken)
    {
        if (await users.GetByIdAsync(context.User.UserId(), cancellationToken) is not { } user)
        {
            return Unauthorized();
        }

        await tokens.SignOutAsync(user, context.User.TokenFamily(), request?.AllDevices ?? false, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Why a sign-in failed, for the audit log only: the client always gets the same answer.</summary>
    private static Dictionary<string, string> Reason(string reason) => new() { ["reason"] = reason };

    private static ProblemHttpResult Unauthorized() => TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: BadCredentials);
}
