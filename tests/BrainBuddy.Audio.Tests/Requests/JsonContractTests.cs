using System.Text.Json;
using System.Text.Json.Serialization;
using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Validation;

namespace BrainBuddy.Audio.Tests.Requests;

/// <summary>The request and preset shapes as the API will exchange them: snake_case names and snake_case enum strings.</summary>
public sealed class JsonContractTests
{
    private static readonly JsonSerializerOptions ApiOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    [Fact]
    public void Should_read_the_timeline_when_posted_as_snake_case_json()
    {
        const string Json = """
            {
              "voices": [ { "kind": "binaural" }, { "kind": "pink_noise", "level": 0.3 } ],
              "segments": [
                { "duration": 120, "beat": 14, "carrier": 220 },
                { "duration": 300, "beat_end": 10, "slide": "smooth" },
                { "duration": 600 }
              ],
              "fade_in": 10, "fade_out": 20, "sample_rate": 48000, "volume": 0.3, "seed": 99
            }
            """;

        var timeline = JsonSerializer.Deserialize<AudioTimeline>(Json, ApiOptions)!;

        Assert.Empty(AudioLimits.Validate(timeline));
        Assert.Equal([VoiceKind.Binaural, VoiceKind.PinkNoise], timeline.Voices.Select(voice => voice.Kind));
        Assert.Equal(SlideShape.Smooth, timeline.Segments[1].Slide);
        Assert.Equal(10, timeline.Segments[1].BeatEnd);
        Assert.Equal((48000L * 1020 * 4) + 44, WavRenderer.Create(timeline).ContentLength);
    }

    [Fact]
    public void Should_report_null_lists_as_field_errors_when_the_json_sends_them()
    {
        var timeline = JsonSerializer.Deserialize<AudioTimeline>("""{ "voices": null, "segments": null }""", ApiOptions)!;

        Assert.Equal(["segments", "voices"], AudioLimits.Validate(timeline).Keys.Order());
    }

    [Fact]
    public void Should_write_snake_case_fields_when_presets_are_serialised()
    {
        var json = JsonSerializer.Serialize(AudioPresets.For(BrainwaveTarget.Gamma), ApiOptions);

        Assert.Equal("""{"target":"gamma","band_low_hz":30,"band_high_hz":100,"default_beat_hz":40,"default_carrier_hz":340}""", json);
    }
}
