using System.Collections.Frozen;
using System.Text.Json;
using BrainBuddy.Data;
using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// Reads an entry's stimulus_parameters: a flat object of strings, numbers and booleans, stored as given except for
/// names MongoDB would misread, with brainwave_target and numeric frequencies checked because the ranking uses them.
/// </summary>
internal static class StimulusParametersReader
{
    public const int MaxNameLength = 64;
    public const int MaxTextLength = 500;

    private static readonly FrozenSet<string> FrequencyParameters = FrozenSet.Create(StringComparer.Ordinal, "beat_frequency", "pulse_frequency");

    public static BsonDocument? Read(JsonElement entry, int index, string path, KnowledgeProblemList problems)
    {
        path += ".stimulus_parameters";
        if (!entry.TryGetProperty("stimulus_parameters", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(index, path, "is required and must be an object (it may be empty).");
            return null;
        }

        var parameters = new BsonDocument();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var parameterPath = $"{path}['{name}']";
            if (name.Length == 0 || name.Length > MaxNameLength)
            {
                problems.Add(index, parameterPath, $"parameter names must have 1 to {MaxNameLength} characters.");
            }
            else if (name[0] == '$' || name.Contains('.', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add(index, parameterPath, "parameter names must not start with '$' or contain '.' or NUL: MongoDB would read them as operators or paths.");
            }

            if (ReadScalar(property.Value, index, parameterPath, problems) is { } value)
            {
                parameters[name] = value;
            }
        }

        CheckBrainwaveParameters(parameters, index, path, problems);
        return parameters;
    }

    private static BsonValue? ReadScalar(JsonElement value, int index, string path, KnowledgeProblemList problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString()!.Length <= MaxTextLength:
                return new BsonString(value.GetString());
            case JsonValueKind.String:
                problems.Add(index, path, $"must be at most {MaxTextLength} characters.");
                return null;
            case JsonValueKind.Number when value.TryGetInt32(out var small):
                return new BsonInt32(small);
            case JsonValueKind.Number when value.TryGetInt64(out var large):
                return new BsonInt64(large);
            case JsonValueKind.Number when value.TryGetDouble(out var real) && double.IsFinite(real):
                return new BsonDouble(real);
            case JsonValueKind.True or JsonValueKind.False:
                return new BsonBoolean(value.GetBoolean());
            default:
                problems.Add(index, path, "must be a string, a finite number or a boolean.");
                return null;
        }
    }

    // The ranking groups by brainwave_target, so it must be a band, and must agree with a stated frequency.
    private static void CheckBrainwaveParameters(BsonDocument parameters, int index, string path, KnowledgeProblemList problems)
    {
        BrainwaveTarget? target = null;
        if (parameters.TryGetValue(StimulusKey.BrainwaveTargetParameter, out var targetValue))
        {
            if (targetValue.IsString && EnumName.TryParse<BrainwaveTarget>(targetValue.AsString, out var band))
            {
                target = band;
            }
            else
            {
                problems.Add(index, $"{path}['{StimulusKey.BrainwaveTargetParameter}']", $"must be one of: {KnowledgeProblemList.Listed(EnumName.All<BrainwaveTarget>())}.");
            }
        }

        foreach (var name in FrequencyParameters)
        {
            if (!parameters.TryGetValue(name, out var frequency) || !frequency.IsNumeric)
            {
                continue;
            }

            var hertz = frequency.ToDouble();
            if (hertz is <= 0 or > BrainwaveBands.MaxFrequencyHz)
            {
                problems.Add(index, $"{path}['{name}']", $"must be above 0 and at most {BrainwaveBands.MaxFrequencyHz} Hz.");
            }
            else if (target is { } stated && BrainwaveBands.Of(hertz) is var actual && actual != stated)
            {
                problems.Add(index, $"{path}['{name}']", $"{hertz} Hz is {EnumName.Of(actual)}, but {StimulusKey.BrainwaveTargetParameter} says {EnumName.Of(stated)}.");
            }
        }
    }
}
