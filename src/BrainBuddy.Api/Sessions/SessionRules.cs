using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Audio.Validation;
using MongoDB.Bson;

namespace BrainBuddy.Api.Sessions;

/// <summary>What a recorded session must satisfy before it is stored.</summary>
public static class SessionRules
{
    public const int MaxDurationSeconds = 14_400;

    /// <summary>Clocks on phones drift; a few minutes ahead is tolerated.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Frequencies a session may claim to have played, as the audio safety limits allow.</summary>
    private static readonly (string Key, double Min, double Max)[] Frequencies =
    [
        ("beat_frequency", AudioLimits.MinBeatHz, AudioLimits.MaxBeatHz),
        ("frequency", AudioLimits.MinBeatHz, AudioLimits.MaxBeatHz),
        ("carrier_frequency", AudioLimits.MinCarrierHz, AudioLimits.MaxCarrierHz),
    ];

    public static TrainingSession? ToSession(SessionInput input, string userId, DateTime now, ValidationErrors errors)
    {
        if (input.Id is not null && !QueryRules.IsId(input.Id))
        {
            errors.Add("id", "must be 24 hexadecimal characters.");
        }

        errors.Required("module_type", input.ModuleType);
        if (input.ModuleType == ModuleType.Brainwave && input.BrainwaveTarget is null)
        {
            errors.Add("brainwave_target", "is required for brainwave sessions.");
        }
        else if (input.ModuleType is not null and not ModuleType.Brainwave && input.BrainwaveTarget is not null)
        {
            errors.Add("brainwave_target", "is only allowed for brainwave sessions.");
        }

        Feedback(input.UserRating, input.EffectivenessScore, errors);
        errors.Required("duration_seconds", input.DurationSeconds);
        errors.Range("duration_seconds", input.DurationSeconds, 1, MaxDurationSeconds);
        var timestamp = input.Timestamp?.UtcDateTime ?? now;
        if (timestamp < Earliest || timestamp > now + FutureTolerance)
        {
            errors.Add("timestamp", "must be after 2000-01-01 and not more than 5 minutes in the future.");
        }

        var content = FreeFormObject.ToBson(input.GeneratedContent, "generated_content", errors);
        if (content is not null)
        {
            CheckFrequencies(content, errors);
        }

        return errors.IsEmpty
            ? new TrainingSession
            {
                Id = input.Id?.ToLowerInvariant() ?? ObjectId.GenerateNewId().ToString(),
                UserId = userId,
                ModuleType = input.ModuleType!.Value,
                BrainwaveTarget = input.BrainwaveTarget,
                GeneratedContent = content,
                UserRating = input.UserRating,
                EffectivenessScore = input.EffectivenessScore,
                // BSON keeps milliseconds; trimming here makes the answer equal what a later read returns.
                Timestamp = timestamp.AddTicks(-(timestamp.Ticks % TimeSpan.TicksPerMillisecond)),
                DurationSeconds = input.DurationSeconds!.Value,
            }
            : null;
    }

    public static void Feedback(int? rating, double? score, ValidationErrors errors)
    {
        errors.Range("user_rating", rating, 1, 5);
        errors.Range("effectiveness_score", score, 0.0, 1.0);
    }

    private static void CheckFrequencies(BsonDocument content, ValidationErrors errors)
    {
        foreach (var (key, min, max) in Frequencies)
        {
            if (!content.TryGetValue(key, out var value))
            {
                continue;
            }

            if (!value.IsNumeric)
            {
                errors.Add($"generated_content.{key}", "must be a number (Hz).");
            }
            else
            {
                errors.Range($"generated_content.{key}", value.ToDouble(), min, max);
            }
        }
    }
}
