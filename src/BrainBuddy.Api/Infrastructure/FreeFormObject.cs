using System.Text.Json;
using MongoDB.Bson;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>
/// Client-defined objects (generated_content, privacy_settings). They are stored as BSON, so no key may start
/// with '$' or contain '.', at any depth: nothing a client sends can become a MongoDB operator or path.
/// </summary>
public static class FreeFormObject
{
    private const int MaxKeys = 64;
    private const int MaxDepth = 4;
    private const int MaxStringLength = 1000;

    public static BsonDocument? ToBson(JsonElement? element, string field, ValidationErrors errors)
    {
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, "must be a JSON object.");
            return null;
        }

        var keys = 0;
        var document = (BsonDocument)Convert(value, field, 1, errors, ref keys);
        return errors.IsEmpty ? document : null;
    }

    /// <summary>The stored object as JSON.</summary>
    public static JsonElement ToJson(BsonDocument document)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        var json = new JsonTokenWriter(buffer);
        BsonToJson.WriteObject(ref json, document.ToBson());
        json.Flush();

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }

    private static BsonValue Convert(JsonElement value, string path, int depth, ValidationErrors errors, ref int keys)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (depth > MaxDepth)
                {
                    errors.Add(path, $"nests deeper than {MaxDepth} levels.");
                    return BsonNull.Value;
                }

                var document = new BsonDocument();
                foreach (var property in value.EnumerateObject())
                {
                    var childPath = $"{path}.{property.Name}";
                    if (++keys > MaxKeys)
                    {
                        errors.Add(path, $"has more than {MaxKeys} keys.");
                        return document;
                    }

                    if (property.Name.Length == 0 || property.Name.StartsWith('$') || property.Name.Contains('.', StringComparison.Ordinal))
                    {
                        errors.Add(childPath, "keys must not be empty, start with '$' or contain '.'.");
                        continue;
                    }

                    document[property.Name] = Convert(property.Value, childPath, depth + 1, errors, ref keys);
                }

                return document;
            case JsonValueKind.Array:
                var array = new BsonArray();
                foreach (var item in value.EnumerateArray())
                {
                    array.Add(Convert(item, path, depth + 1, errors, ref keys));
                }

                return array;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length > MaxStringLength)
                {
                    errors.Add(path, $"strings must be at most {MaxStringLength} characters.");
                }

                return new BsonString(text);
            case JsonValueKind.Number:
                return value.TryGetInt64(out var integer) ? new BsonInt64(integer) : new BsonDouble(value.GetDouble());
            case JsonValueKind.True:
                return BsonBoolean.True;
            case JsonValueKind.False:
                return BsonBoolean.False;
            default:
                return BsonNull.Value;
        }
    }
}
