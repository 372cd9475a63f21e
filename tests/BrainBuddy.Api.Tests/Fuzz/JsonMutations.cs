using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace BrainBuddy.Api.Tests.Fuzz;

/// <summary>FsCheck generators of hostile request bodies: valid templates with fields dropped, retyped or added, random JSON, and broken text.</summary>
internal static class JsonMutations
{
    private static readonly string[] Keys = ["id", "$where", "a.b", "", "module_type", "user_rating", "__proto__", "é", "x"];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Elements("", " ", "alpha", "pfc_gym", "BRAINWAVE", "null", "$gt", "a.b", "\u0000", "\ud83e\udde0", "2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "65f1a2b3c4d5e6f708192a3c"),
        Gen.Choose(0, 1200).Select(length => new string('x', length)));

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Elements(0L, -1L, 1L, 5L, 6L, 600L, 14_400L, 14_401L, int.MaxValue, long.MinValue).Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Elements(0.5, -0.0001, 1.0000001, 1e308, -1e-308, 0.1, 99.9, 100.5, 1500.0, 19.99).Select(d => (JsonNode?)JsonValue.Create(d)),
        Text.Select(s => (JsonNode?)JsonValue.Create(s)));

    /// <summary>Any JSON value, nested up to the generator's size.</summary>
    public static Gen<JsonNode?> AnyJson => Gen.Sized(size => Value(Math.Min(size, 6)));

    public static Gen<string> Body(JsonObject template) => Gen.Frequency(
        (6, Mutated(template)),
        (2, AnyJson.Select(node => node?.ToJsonString() ?? "null")),
        (1, Mutated(template).SelectMany(json => Gen.Choose(0, Math.Max(0, json.Length - 1)).Select(cut => json[..cut]))),
        (1, Gen.Constant(template.ToJsonString())));

    private static Gen<JsonNode?> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Gen.ListOf(Value(depth - 1), 4).Select(items => (JsonNode?)new JsonArray([.. items]))),
            (1, Gen.ListOf(Gen.Elements(Keys).Zip(Value(depth - 1)), 4).Select(pairs =>
            {
                var obj = new JsonObject();
                foreach (var (key, value) in pairs)
                {
                    obj[key] = value;
                }

                return (JsonNode?)obj;
            })));

    /// <summary>One to three changes to a copy of the template: a field removed, given another value, or an extra field.</summary>
    private static Gen<string> Mutated(JsonObject template)
    {
        var fields = template.Select(p => p.Key).ToArray();
        var change = Gen.Choose(0, 2).SelectMany(kind => Gen.Elements(fields).SelectMany(field => AnyJson.Select(value => (kind, field, value))));
        return Gen.ListOf(change, 3).Select(changes =>
        {
            var copy = template.DeepClone().AsObject();
            foreach (var (kind, field, value) in changes)
            {
                switch (kind)
                {
                    case 0:
                        copy.Remove(field);
                        break;
                    case 1:
                        copy[field] = value;
                        break;
                    default:
                        copy["unexpected_" + field] = value;
                        break;
                }
            }

            return copy.ToJsonString();
        });
    }
}
