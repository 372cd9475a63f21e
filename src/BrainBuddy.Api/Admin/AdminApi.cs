using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BrainBuddy.Api.Admin;

public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/audit", ListAudit).WithName("ListAuditEvents").WithSummary("Audit events, newest first, filtered by action and actor, with cursor paging (admins)");
        group.MapPost("/users/{id}/roles", GrantRole).WithName("GrantRole").WithSummary("Give a user a role (admins)").RequireRateLimiting(RateLimits.UserWrites);
        group.MapDelete("/users/{id}/roles/{role}", RevokeRole).WithName("RevokeRole").WithSummary("Take a role from a user (admins)").RequireRateLimiting(RateLimits.UserWrites);
        return group;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAudit(
        IAuditRepository events,
        string? action,
        string? actor,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Length("action", action, 100);
        errors.Length("actor", actor, 100);
        var query = new AuditQuery(action, actor, QueryRules.Limit(limit, errors), cursor);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var page = await events.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new AuditPage(page.Items.Select(AuditEventOutput.From).ToList(), page.NextCursor));
    }

    private static Task<Results<Ok<UserRoles>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> GrantRole(string id, RoleInput input, HttpContext context, UserManager<User> users, RoleChanges roles) =>
        ChangeAsync(id, input.Role, grant: true, context, users, roles);

    private static Task<Results<Ok<UserRoles>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> RevokeRole(string id, string role, HttpContext context, UserManager<User> users, RoleChanges roles) =>
        ChangeAsync(id, role, grant: false, context, users, roles);

    private static async Task<Results<Ok<UserRoles>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> ChangeAsync(string id, string? role, bool grant, HttpContext context, UserManager<User> users, RoleChanges roles)
    {
        if (!QueryRules.IsId(id) || await users.FindByIdAsync(id) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (role is null || !RoleNames.All.Contains(role))
        {
            var errors = new ValidationErrors();
            errors.Add("role", $"must be one of: {string.Join(", ", RoleNames.All)}.");
            return errors.ToProblem();
        }

        var admin = context.User.UserId();
        if (!grant && role == RoleNames.Admin && user.Id == admin)
        {
            // Another admin must do it: an admin revoking themself could leave nobody able to grant it back.
            return Conflict("You cannot revoke your own admin role.");
        }

        var result = await roles.ChangeAsync(user, role, grant, admin);
        return result.Succeeded
            ? TypedResults.Ok(new UserRoles(user.Id, user.Roles))
            : Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static Conflict<ProblemDetails> Conflict(string detail) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail });
}
