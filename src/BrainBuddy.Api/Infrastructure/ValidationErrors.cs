using Microsoft.AspNetCore.Http.HttpResults;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>Collects input problems by field name, for one RFC 9457 validation problem that lists them all.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}.");
        }
    }

    public void Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}.");
        }
    }

    public void Length(string field, string? value, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required.");
            }
        }
        else if (value.Length > max)
        {
            Add(field, $"must be at most {max} characters.");
        }
    }

    public void Required(string field, object? value)
    {
        if (value is null)
        {
            Add(field, "is required.");
        }
    }

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(ToDictionary(), detail: "The request has invalid fields; see errors.");
}
