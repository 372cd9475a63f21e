using System.Globalization;
using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data;
using BrainBuddy.Data.Users;
using BrainBuddy.Training.Knowledge;
using BrainBuddy.Training.Personalization;
using BrainBuddy.Training.Personalization.Features;
using BrainBuddy.Training.Personalization.Models;
using BrainBuddy.Training.Personalization.Recommendations;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace BrainBuddy.Api.Personalization;

/// <summary>
/// One option. Send <see cref="SelectionProbability"/> and <see cref="Exploration"/> back in the session's
/// generated_content (as "recommendation") when the user plays it, so the policy can be evaluated off-line.
/// </summary>
public sealed record RecommendationOutput(
    BrainwaveTarget BrainwaveTarget,
    double BeatFrequency,
    double CarrierFrequency,
    int DurationSeconds,
    string SuggestedTime,
    TimeOfDaySlot TimeOfDay,
    double PredictedEffectiveness,
    double Uncertainty,
    KnowledgeSource Source,
    double PersonalWeight,
    bool Exploration,
    double SelectionProbability,
    string Explanation,
    string AudioUrl)
{
    public static RecommendationOutput From(RecommendedSession option) => new(
        option.BrainwaveTarget,
        option.BeatFrequency,
        option.CarrierFrequency,
        option.DurationSeconds,
        option.SuggestedTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        option.TimeOfDay,
        Math.Round(option.PredictedEffectiveness, 4),
        Math.Round(option.Uncertainty, 4),
        option.Source,
        Math.Round(option.PersonalWeight, 4),
        option.Exploration,
        Math.Round(option.SelectionProbability, 4),
        option.Explanation,
        FormattableString.Invariant($"/api/v1/audio/binaural?target={Data.Storage.EnumName.Of(option.BrainwaveTarget)}&carrier={option.CarrierFrequency}&beat={option.BeatFrequency}&duration={option.DurationSeconds}"));
}

public sealed record RecommendationsOutput(ModelPhase Phase, IReadOnlyList<RecommendationOutput> Items);

/// <summary>What a user may see of their model (never its weights). Before the first retrain: developmental, no steps.</summary>
public sealed record ModelOutput(
    ModelPhase Phase,
    int LabelledSessionCount,
    int SessionsUntilAdaptive,
    int TrainingSteps,
    DateTime? LastUpdated,
    double? HeldOutError,
    double? BaselineHeldOutError,
    bool PersonalizationEnabled);

public static class PersonalizationApi
{
    public const int MaxOptions = 10;

    public static IEndpointRouteBuilder MapPersonalizationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/recommendations", Recommend).WithTags("Personalization").RequireAuthorization()
            .WithName("Recommend").WithSummary("Brainwave sessions likely to work for you now, one of them exploratory");
        var model = app.MapGroup("/api/v1/me/model").WithTags("Personalization").RequireAuthorization();
        model.MapGet("/", GetModel).WithName("GetMyModel").WithSummary("Your model's phase, training and held-out error");
        model.MapPost("/retrain", Retrain).WithName("RetrainMyModel").WithSummary("Queue a retrain of your model").RequireRateLimiting(RateLimits.Retrain);
        return app;
    }

    private static async Task<Results<Ok<RecommendationsOutput>, NotFound, ValidationProblem>> Recommend(
        HttpContext context,
        UserModelService models,
        TimeProvider clock,
        [FromQuery(Name = "module_type")] string? moduleType,
        string? outcome,
        int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryRules.Enum<ModuleType>(moduleType ?? "brainwave", "module_type", errors) is { } module and not ModuleType.Brainwave)
        {
            errors.Add("module_type", "only brainwave sessions are recommended so far.");
        }

        if (outcome is not null && !KnowledgeVocabulary.Outcomes.Contains(outcome))
        {
            errors.Add("outcome", $"must be one of: {string.Join(", ", KnowledgeVocabulary.Outcomes.Order(StringComparer.Ordinal))}.");
        }

        errors.Range("limit", limit, 1, MaxOptions);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var request = new RecommendationRequest(clock.GetUtcNow().UtcDateTime, outcome, limit ?? 5);
        return await models.RecommendAsync(context.User.UserId(), request, cancellationToken) is { } set
            ? TypedResults.Ok(new RecommendationsOutput(set.Phase, set.Options.Select(RecommendationOutput.From).ToList()))
            : TypedResults.NotFound();
    }

    private static async Task<Ok<ModelOutput>> GetModel(HttpContext context, UserModelService models, IUserRepository users, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var enabled = await users.GetByIdAsync(userId, cancellationToken) is { } user && user.PrivacySettings.Allows(PrivacySettings.Personalization);
        var info = await models.GetModelInfoAsync(userId, cancellationToken);
        return TypedResults.Ok(info is null
            ? new ModelOutput(ModelPhase.Developmental, 0, PhasePolicy.MinimumLabelledSessions, 0, null, null, null, enabled)
            : new ModelOutput(info.Phase, info.LabelledSessionCount, info.SessionsUntilEligibleForAdaptive, info.TrainingSteps, info.LastUpdated, info.HeldOutError, info.BaselineHeldOutError, enabled));
    }

    private static Accepted Retrain(HttpContext context, IBackgroundJobClient jobs)
    {
        var userId = context.User.UserId();
        jobs.Enqueue<RetrainJobs>(job => job.RetrainUserAsync(userId, CancellationToken.None));
        return TypedResults.Accepted("/api/v1/me/model");
    }
}
