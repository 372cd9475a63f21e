using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BrainBuddy.Api.Habits;

public static class HabitsApi
{
    private const int MaxText = 500;

    public static RouteGroupBuilder MapHabitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/habits").WithTags("Habits").RequireAuthorization();
        group.MapPost("/", Create).WithName("CreateHabit").WithSummary("Create a habit loop (idempotent when you send your own id)").RequireRateLimiting(RateLimits.UserWrites);
        group.MapGet("/", List).WithName("ListHabits").WithSummary("Your habits, newest first, with cursor paging");
        group.MapGet("/{id}", Get).WithName("GetHabit").WithSummary("One habit (supports If-None-Match)");
        group.MapPatch("/{id}", Change).WithName("ChangeHabit").WithSummary("Change a habit's loop").RequireRateLimiting(RateLimits.UserWrites);
        group.MapDelete("/{id}", Delete).WithName("DeleteHabit").WithSummary("Delete a habit").RequireRateLimiting(RateLimits.UserWrites);
        group.MapPost("/{id}/attempts", RecordAttempt).WithName("RecordHabitAttempt").WithSummary("Count one attempt, atomically; returns the new counts and streaks").RequireRateLimiting(RateLimits.UserWrites);
        return group;
    }

    private static async Task<Results<Created<HabitOutput>, Ok<HabitOutput>, ValidationProblem>> Create(HabitInput input, HttpContext context, IHabitRepository habits, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (input.Id is not null && !QueryRules.IsId(input.Id))
        {
            errors.Add("id", "must be 24 hexadecimal characters.");
        }

        errors.Required("habit_type", input.HabitType);
        errors.Length("trigger", input.Trigger, MaxText, required: true);
        errors.Length("routine", input.Routine, MaxText, required: true);
        errors.Length("reward", input.Reward, MaxText, required: true);
        var protocol = Protocol(input.InterruptProtocol, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var result = await habits.InsertAsync(
            new Habit
            {
                Id = input.Id?.ToLowerInvariant() ?? MongoDB.Bson.ObjectId.GenerateNewId().ToString(),
                UserId = context.User.UserId(),
                HabitType = input.HabitType!.Value,
                Trigger = input.Trigger!,
                Routine = input.Routine!,
                Reward = input.Reward!,
                InterruptProtocol = protocol,
            },
            cancellationToken);
        var output = HabitOutput.From(result.Document);
        var location = $"/api/v1/habits/{output.Id}";
        return result.Outcome == InsertOutcome.Created ? TypedResults.Created(location, output) : ETags.Retried(context, location, output);
    }

    private static async Task<Results<Ok<HabitPage>, ValidationProblem>> List(
        HttpContext context,
        IHabitRepository habits,
        [FromQuery(Name = "habit_type")] string? habitType,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = new HabitQuery(QueryRules.Enum<HabitType>(habitType, "habit_type", errors), QueryRules.Limit(limit, errors), cursor);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var page = await habits.ListAsync(context.User.UserId(), query, cancellationToken);
        return TypedResults.Ok(new HabitPage(page.Items.Select(HabitOutput.From).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<HabitOutput>, StatusCodeHttpResult, NotFound>> Get(string id, HttpContext context, IHabitRepository habits, CancellationToken cancellationToken)
    {
        if (!QueryRules.IsId(id) || await habits.GetAsync(context.User.UserId(), id, cancellationToken) is not { } habit)
        {
            return TypedResults.NotFound();
        }

        return ETags.IsCurrent(context, ETags.For(habit.Id, habit.UpdatedAt))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(HabitOutput.From(habit));
    }

    private static async Task<Results<Ok<HabitOutput>, NotFound, ValidationProblem>> Change(string id, HabitPatch patch, HttpContext context, IHabitRepository habits, CancellationToken cancellationToken)
    {
        if (!QueryRules.IsId(id))
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        errors.Length("trigger", patch.Trigger, MaxText);
        errors.Length("routine", patch.Routine, MaxText);
        errors.Length("reward", patch.Reward, MaxText);
        var protocol = Protocol(patch.InterruptProtocol, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var changes = new HabitChanges(patch.HabitType, patch.Trigger, patch.Routine, patch.Reward, protocol);
        return await habits.UpdateAsync(context.User.UserId(), id, changes, cancellationToken) is { } habit
            ? TypedResults.Ok(HabitOutput.From(habit))
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, HttpContext context, IHabitRepository habits, CancellationToken cancellationToken) =>
        QueryRules.IsId(id) && await habits.DeleteAsync(context.User.UserId(), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<AttemptOutput>, NotFound, ValidationProblem>> RecordAttempt(string id, AttemptInput input, HttpContext context, IHabitRepository habits, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!QueryRules.IsId(id))
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        errors.Required("success", input.Success);
        var now = clock.GetUtcNow().UtcDateTime;
        var at = input.At?.UtcDateTime ?? now;
        if (at < Sessions.SessionRules.Earliest || at > now + Sessions.SessionRules.FutureTolerance)
        {
            errors.Add("at", "must be after 2000-01-01 and not more than 5 minutes in the future.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await habits.RecordAttemptAsync(context.User.UserId(), id, input.Success!.Value, at, cancellationToken) is { } habit
            ? TypedResults.Ok(new AttemptOutput(habit.SuccessCount, habit.AttemptCount, HabitOutput.SuccessRateOf(habit), habit.CurrentStreak, habit.BestStreak))
            : TypedResults.NotFound();
    }

    private static InterruptProtocol? Protocol(InterruptProtocolDto? dto, ValidationErrors errors)
    {
        if (dto is null)
        {
            return null;
        }

        errors.Length("interrupt_protocol.technique", dto.Technique, 200, required: true);
        errors.Required("interrupt_protocol.duration", dto.Duration);
        errors.Range("interrupt_protocol.duration", dto.Duration, 1, 3600);
        return errors.IsEmpty ? new InterruptProtocol { Technique = dto.Technique!, Duration = dto.Duration!.Value } : null;
    }
}
