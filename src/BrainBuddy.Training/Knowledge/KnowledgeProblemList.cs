using System.Collections.Frozen;
using System.Text.Json;

namespace BrainBuddy.Training.Knowledge;

/// <summary>Every problem found in one file so far, and the checks that several readers share.</summary>
internal sealed class KnowledgeProblemList(string file, int latestYear)
{
    public List<KnowledgeProblem> Items { get; } = [];

    public int LatestYear { get; } = latestYear;

    public void Add(int? entry, string path, string message) => Items.Add(new KnowledgeProblem(file, entry, path, message));

    // Unknown names are usually typos ("evidence_strenght"); ignoring them would load an entry without the value.
    public void RejectUnknown(int? entry, JsonElement element, string path, FrozenSet<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Add(entry, $"{path}['{property.Name}']", $"is not a known property (known: {Listed(known)}).");
            }
        }
    }

    public string? Text(int entry, JsonElement parent, string path, string name, int maxLength, bool required)
    {
        path += "." + name;
        if (!parent.TryGetProperty(name, out var element))
        {
            if (required)
            {
                Add(entry, path, "is required.");
            }

            return null;
        }

        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
        if (text is null)
        {
            Add(entry, path, "must be a string.");
        }
        else if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
        {
            Add(entry, path, $"must have 1 to {maxLength} characters and not be blank{(required ? "" : "; omit it when there is nothing to say")}.");
            return null;
        }

        return text;
    }

    public string? Word(int entry, JsonElement parent, string path, string name, IReadOnlyCollection<string> vocabulary)
    {
        var word = Text(entry, parent, path, name, maxLength: 64, required: true);
        if (word is not null && !vocabulary.Contains(word))
        {
            Add(entry, $"{path}.{name}", $"'{word}' is not one of: {Listed(vocabulary)}.");
            return null;
        }

        return word;
    }

    public static string Listed(IEnumerable<string> words) => string.Join(", ", words.Order(StringComparer.Ordinal));
}
