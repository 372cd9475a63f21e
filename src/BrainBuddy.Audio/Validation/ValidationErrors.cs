namespace BrainBuddy.Audio.Validation;

/// <summary>Collects messages per field name, in the shape an RFC 9457 validation problem carries.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _messages = [];

    public void Add(string field, string message)
    {
        if (!_messages.TryGetValue(field, out var list))
        {
            list = [];
            _messages.Add(field, list);
        }

        list.Add(message);
    }

    public void RequireRange(string field, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Add(field, $"Must be between {min} and {max} {unit}.");
        }
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _messages.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
}
