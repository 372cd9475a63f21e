using System.Text.Json;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;

namespace BrainBuddy.Api.Sessions;

/// <summary>A session as the app records it. <c>id</c> is optional: send your own to make retries safe.</summary>
public sealed record SessionInput(
    string? Id,
    ModuleType? ModuleType,
    BrainwaveTarget? BrainwaveTarget,
    JsonElement? GeneratedContent,
    int? UserRating,
    double? EffectivenessScore,
    DateTimeOffset? Timestamp,
    int? DurationSeconds);

public sealed record SessionOutput(
    string Id,
    ModuleType ModuleType,
    BrainwaveTarget? BrainwaveTarget,
    JsonElement? GeneratedContent,
    int? UserRating,
    double? EffectivenessScore,
    DateTime Timestamp,
    int DurationSeconds,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static SessionOutput From(TrainingSession session) => new(
        session.Id,
        session.ModuleType,
        session.BrainwaveTarget,
        session.GeneratedContent is { } content ? FreeFormObject.ToJson(content) : null,
        session.UserRating,
        session.EffectivenessScore,
        session.Timestamp,
        session.DurationSeconds,
        session.CreatedAt,
        session.UpdatedAt);
}

/// <summary>Rating and effectiveness after the fact; fields left out stay as they are.</summary>
public sealed record SessionFeedbackInput(int? UserRating, double? EffectivenessScore);

public sealed record SessionPage(IReadOnlyList<SessionOutput> Items, string? NextCursor);

public sealed record BatchInput(IReadOnlyList<JsonElement>? Sessions);

public enum BatchItemStatus
{
    Created,
    AlreadyPresent,
    Rejected,
}

/// <summary>One result per submitted item, in order: the stored session, or the item's errors.</summary>
public sealed record BatchItemResult(int Index, BatchItemStatus Status, string? Id, SessionOutput? Session, IDictionary<string, string[]>? Errors);

public sealed record BatchOutput(IReadOnlyList<BatchItemResult> Results);

public sealed record ModuleStatsOutput(ModuleType ModuleType, long Count, double? AvgUserRating, double? AvgEffectivenessScore, long TotalDurationSeconds);

public sealed record StatsOutput(IReadOnlyList<ModuleStatsOutput> Items);
