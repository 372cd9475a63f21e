using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace BrainBuddy.Api.Accounts;

public static class MeApi
{
    /// <summary>Each lost attempt means another change to the account landed, so this many concurrent changes all succeed.</summary>
    private const int MaxAttempts = 32;

    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Accounts").RequireAuthorization();
        group.MapGet("/", GetProfile).WithName("GetProfile").WithSummary("The signed-in user's profile");
        group.MapPatch("/", ChangeProfile).WithName("ChangeProfile").WithSummary("Change chronotype and privacy settings").RequireRateLimiting(RateLimits.UserWrites);
        return group;
    }

    private static async Task<Results<Ok<Profile>, NotFound>> GetProfile(HttpContext context, IUserRepository users, CancellationToken cancellationToken) =>
        await users.GetByIdAsync(context.User.UserId(), cancellationToken) is { } user ? TypedResults.Ok(Profile.From(user)) : TypedResults.NotFound();

    private static async Task<Results<Ok<Profile>, NotFound, ValidationProblem, Conflict>> ChangeProfile(ProfileChanges changes, HttpContext context, UserManager<User> users, AccountLocks locks, Training.Personalization.UserModelService models)
    {
        var errors = new ValidationErrors();
        var privacy = FreeFormObject.ToBson(changes.PrivacySettings, "privacy_settings", errors);
        foreach (var key in PrivacySettings.KnownBooleanKeys)
        {
            if (privacy is not null && privacy.TryGetValue(key, out var value) && !value.IsBoolean)
            {
                errors.Add($"privacy_settings.{key}", "must be true or false.");
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // Read-modify-write under the concurrency stamp: when another request changed the account in between, read
        // it again and reapply, so concurrent changes all land instead of answering 409 to a well-formed request.
        // The lock makes that rare: only another instance can still interleave.
        using var held = await locks.AcquireAsync(context.User.UserId(), context.RequestAborted);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await users.FindByIdAsync(context.User.UserId()) is not { } user)
            {
                return TypedResults.NotFound();
            }

            user.Chronotype = changes.Chronotype ?? user.Chronotype;
            if (privacy is not null)
            {
                user.PrivacySettings.Merge(privacy, overwriteExistingElements: true);
            }

            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                if (!user.PrivacySettings.Allows(PrivacySettings.Personalization))
                {
                    // Switching personalization off deletes the personal model at once, not at the next retrain.
                    await models.ForgetAsync(user.Id);
                }

                return TypedResults.Ok(Profile.From(user));
            }

            if (result.Errors.All(e => e.Code != UserStore.ConcurrencyFailureCode))
            {
                break;
            }
        }

        return TypedResults.Conflict();
    }
}
