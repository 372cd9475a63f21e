using System.Collections.Frozen;

namespace BrainBuddy.Data.Storage;

/// <summary>The snake_case names under which enums are stored and sent ("pfc_gym").</summary>
public static class EnumName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a known {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Names<TEnum>.ByName.TryGetValue(name, out value);
    }

    public static IReadOnlyCollection<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.ByName.Keys;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, value => BsonConfiguration.ToSnakeCase(value.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
