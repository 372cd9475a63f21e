using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Validation;

/// <summary>
/// Safety and perception limits. <see cref="Validate(BinauralRequest)"/> and <see cref="Validate(AudioTimeline)"/> return
/// messages keyed by the snake_case field name the client sent; an empty dictionary means the request may be rendered.
/// </summary>
public static class AudioLimits
{
    public const double MinCarrierHz = 20;
    public const double MaxCarrierHz = 1500;
    public const double MinBeatHz = 0.5;
    public const double MaxBeatHz = 100;

    /// <summary>
    /// Widest binaural beat accepted. Oster (1973) reports fusion up to ~26-30 Hz, the tertiary summary read allows
    /// below 40 Hz, and the gamma studies in our knowledge base (Colzato 2017, Leistiko 2023) used exactly 40 Hz, so
    /// 40 Hz keeps the gamma preset binaural while rejecting differences the ears hear as two separate tones.
    /// </summary>
    public const double MaxBinauralBeatHz = 40;

    /// <summary>Oster (1973): binaural beats fade out for carriers above ~1000 Hz.</summary>
    public const double MaxBinauralCarrierHz = 1000;

    public const double MaxDurationSeconds = 3600;

    /// <summary>-3 dBFS: keeps head-room for the player and the DAC.</summary>
    public const double MaxVolume = 0.707;

    public const double MaxNoiseLevel = 1;
    public const int MaxSegments = 64;
    public const int MaxVoices = 8;

    public static IReadOnlyList<int> SampleRates { get; } = [22050, 44100, 48000];

    public static Dictionary<string, string[]> Validate(BinauralRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();

        if (request.Target is { } target && !Enum.IsDefined(target))
        {
            errors.Add("target", "Unknown brainwave target.");
        }
        else
        {
            CheckCarrier(errors, "carrier", request.EffectiveCarrier, binaural: true);
            CheckBeat(errors, "beat", request.EffectiveBeat, binaural: true);
            if (request is { Target: not null, Beat: { } beat } && !request.Preset.Contains(beat))
            {
                var preset = request.Preset;
                errors.Add("beat", $"{beat} Hz is outside the {preset.Target} band ({preset.BandLowHz}-{preset.BandHighHz} Hz).");
            }
        }

        CheckDuration(errors, "duration", request.Duration);
        CheckDelivery(errors, request.SampleRate, request.Volume);
        CheckFade(errors, "fade", request.Fade, request.Duration);
        if (!Enum.IsDefined(request.Noise))
        {
            errors.Add("noise", "Must be none, white, pink or brown.");
        }

        errors.RequireRange("noise_level", request.NoiseLevel, 0, MaxNoiseLevel, "");
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(AudioTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var errors = new ValidationErrors();
        CheckDelivery(errors, timeline.SampleRate, timeline.Volume);
        var voices = CheckVoices(errors, timeline.Voices);

        if (timeline.Segments is not { Count: > 0 and <= MaxSegments } segments)
        {
            errors.Add("segments", $"Give between 1 and {MaxSegments} segments.");
            return errors.ToDictionary();
        }

        var hasTones = voices.Any(voice => !voice.IsNoise);
        var binaural = voices.Any(voice => voice.Kind == VoiceKind.Binaural);
        for (var i = 0; i < segments.Count; i++)
        {
            CheckSegment(errors, $"segments[{i}]", segments[i], isFirst: i == 0, hasTones, binaural);
        }

        var total = segments.Sum(segment => segment?.Duration ?? 0);
        CheckDuration(errors, "segments", total);
        CheckFade(errors, "fade_in", timeline.FadeIn, total);
        CheckFade(errors, "fade_out", timeline.FadeOut, total);
        return errors.ToDictionary();
    }

    private static List<Voice> CheckVoices(ValidationErrors errors, IReadOnlyList<Voice>? voices)
    {
        if (voices is not { Count: > 0 and <= MaxVoices })
        {
            errors.Add("voices", $"Give between 1 and {MaxVoices} voices.");
            return [];
        }

        for (var i = 0; i < voices.Count; i++)
        {
            if (voices[i] is not { } voice)
            {
                errors.Add($"voices[{i}]", "A voice is required.");
                continue;
            }

            if (!Enum.IsDefined(voice.Kind))
            {
                errors.Add($"voices[{i}].kind", "Unknown voice kind.");
            }

            // A zero weight would make the normalising sum zero; a muted voice is simply left out.
            if (!double.IsFinite(voice.Level) || voice.Level <= 0 || voice.Level > 1)
            {
                errors.Add($"voices[{i}].level", "Must be greater than 0 and at most 1.");
            }
        }

        return voices.OfType<Voice>().ToList();
    }

    private static void CheckSegment(ValidationErrors errors, string field, Segment? segment, bool isFirst, bool hasTones, bool binaural)
    {
        if (segment is null)
        {
            errors.Add(field, "A segment is required.");
            return;
        }

        if (!double.IsFinite(segment.Duration) || segment.Duration <= 0 || segment.Duration > MaxDurationSeconds)
        {
            errors.Add($"{field}.duration", $"Must be greater than 0 and at most {MaxDurationSeconds} s.");
        }

        if (!Enum.IsDefined(segment.Slide))
        {
            errors.Add($"{field}.slide", "Must be linear or smooth.");
        }

        if (!hasTones)
        {
            return;
        }

        if (isFirst && segment.Carrier is null)
        {
            errors.Add($"{field}.carrier", "The first segment must give a carrier.");
        }

        if (isFirst && segment.Beat is null)
        {
            errors.Add($"{field}.beat", "The first segment must give a beat.");
        }

        CheckOptionalCarrier(errors, $"{field}.carrier", segment.Carrier, binaural);
        CheckOptionalCarrier(errors, $"{field}.carrier_end", segment.CarrierEnd, binaural);
        CheckOptionalBeat(errors, $"{field}.beat", segment.Beat, binaural);
        CheckOptionalBeat(errors, $"{field}.beat_end", segment.BeatEnd, binaural);
    }

    private static void CheckOptionalCarrier(ValidationErrors errors, string field, double? carrier, bool binaural)
    {
        if (carrier is { } value)
        {
            CheckCarrier(errors, field, value, binaural);
        }
    }

    private static void CheckOptionalBeat(ValidationErrors errors, string field, double? beat, bool binaural)
    {
        if (beat is { } value)
        {
            CheckBeat(errors, field, value, binaural);
        }
    }

    private static void CheckCarrier(ValidationErrors errors, string field, double carrier, bool binaural)
    {
        errors.RequireRange(field, carrier, MinCarrierHz, MaxCarrierHz, "Hz");
        if (binaural && carrier > MaxBinauralCarrierHz && carrier <= MaxCarrierHz)
        {
            errors.Add(field, $"Binaural beats fade out above a {MaxBinauralCarrierHz} Hz carrier; use a lower carrier or a monaural or isochronic voice.");
        }
    }

    private static void CheckBeat(ValidationErrors errors, string field, double beat, bool binaural)
    {
        errors.RequireRange(field, beat, MinBeatHz, MaxBeatHz, "Hz");
        if (binaural && beat > MaxBinauralBeatHz && beat <= MaxBeatHz)
        {
            errors.Add(field, $"The ears do not fuse a binaural beat wider than {MaxBinauralBeatHz} Hz; use a monaural or isochronic voice for up to {MaxBeatHz} Hz.");
        }
    }

    private static void CheckDuration(ValidationErrors errors, string field, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > MaxDurationSeconds)
        {
            errors.Add(field, $"Total duration must be greater than 0 and at most {MaxDurationSeconds} s.");
        }
    }

    private static void CheckDelivery(ValidationErrors errors, int sampleRate, double volume)
    {
        if (!SampleRates.Contains(sampleRate))
        {
            errors.Add("sample_rate", $"Must be one of {string.Join(", ", SampleRates)}.");
        }

        if (!double.IsFinite(volume) || volume <= 0 || volume > MaxVolume)
        {
            errors.Add("volume", $"Must be greater than 0 and at most {MaxVolume} (-3 dBFS).");
        }
    }

    private static void CheckFade(ValidationErrors errors, string field, double fade, double duration)
    {
        // Against a broken duration only the lower bound means anything; the duration has its own error.
        var longest = double.IsFinite(duration) && duration > 0 ? duration / 2 : double.PositiveInfinity;
        if (!double.IsFinite(fade) || fade < 0 || fade > longest)
        {
            errors.Add(field, "Must be at least 0 s and at most half the duration.");
        }
    }
}
