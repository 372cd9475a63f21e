using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Validation;

namespace BrainBuddy.Audio.Requests;

/// <summary>
/// Binds a <see cref="BinauralRequest"/> from snake_case query parameters. Model binding would look for "samplerate"
/// rather than "sample_rate", and would reject a bad number without naming it the way the rest of the API does.
/// </summary>
public static class BinauralQuery
{
    /// <summary>
    /// Reads target, carrier, beat, duration, sample_rate, volume, fade, noise, noise_level and seed (any may be absent),
    /// then applies <see cref="AudioLimits.Validate(BinauralRequest)"/>. Values that do not parse and limits that are
    /// broken are both reported under the parameter's name.
    /// </summary>
    /// <param name="query">Returns a parameter's value, or null when it is absent.</param>
    public static bool TryParse(
        Func<string, string?> query,
        [NotNullWhen(true)] out BinauralRequest? request,
        out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reader = new QueryReader(query);
        var defaults = new BinauralRequest();
        var parsed = new BinauralRequest
        {
            Target = reader.Name<BrainwaveTarget>("target"),
            Carrier = reader.Number("carrier"),
            Beat = reader.Number("beat"),
            Duration = reader.Number("duration") ?? defaults.Duration,
            SampleRate = reader.Integer<int>("sample_rate") ?? defaults.SampleRate,
            Volume = reader.Number("volume") ?? defaults.Volume,
            Fade = reader.Number("fade") ?? defaults.Fade,
            Noise = reader.Name<NoiseColor>("noise") ?? defaults.Noise,
            NoiseLevel = reader.Number("noise_level") ?? defaults.NoiseLevel,
            Seed = reader.Integer<long>("seed"),
        };

        // A parameter that did not parse already has its error; the limit check saw its default instead.
        errors = reader.Errors;
        foreach (var (field, messages) in AudioLimits.Validate(parsed).Where(error => !reader.Errors.ContainsKey(error.Key)))
        {
            errors[field] = messages;
        }

        request = errors.Count == 0 ? parsed : null;
        return request is not null;
    }

    private sealed class QueryReader(Func<string, string?> query)
    {
        public Dictionary<string, string[]> Errors { get; } = [];

        public double? Number(string name) =>
            Read(name, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : (double?)null);

        public T? Integer<T>(string name)
            where T : struct, IBinaryInteger<T> =>
            Read(name, text => T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (T?)null);

        // Names only ("pink", "alpha"): Enum.TryParse would also take "7", or "alpha,beta" as the bitwise or of both.
        public T? Name<T>(string name)
            where T : struct, Enum =>
            Read(name, text => text.All(char.IsAsciiLetter) && Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : (T?)null);

        private T? Read<T>(string name, Func<string, T?> parse)
            where T : struct
        {
            if (query(name) is not { Length: > 0 } text)
            {
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                Errors[name] = [$"'{text}' is not a valid {name}."];
            }

            return value;
        }
    }
}
