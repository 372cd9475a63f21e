using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Tests.Requests;

public sealed class BinauralQueryTests
{
    [Fact]
    public void Should_read_every_snake_case_parameter_when_all_are_given()
    {
        var query = new Dictionary<string, string?>
        {
            ["target"] = "beta", ["carrier"] = "310.5", ["beat"] = "20", ["duration"] = "90", ["sample_rate"] = "48000",
            ["volume"] = "0.3", ["fade"] = "4", ["noise"] = "pink", ["noise_level"] = "0.25", ["seed"] = "-17",
        };

        Assert.True(BinauralQuery.TryParse(name => query.GetValueOrDefault(name), out var request, out var errors));
        Assert.Empty(errors);
        Assert.Equal(
            new BinauralRequest
            {
                Target = BrainwaveTarget.Beta, Carrier = 310.5, Beat = 20, Duration = 90, SampleRate = 48000,
                Volume = 0.3, Fade = 4, Noise = NoiseColor.Pink, NoiseLevel = 0.25, Seed = -17,
            },
            request);
    }

    [Fact]
    public void Should_use_the_defaults_when_the_query_is_empty()
    {
        Assert.True(BinauralQuery.TryParse(_ => null, out var request, out _));
        Assert.Equal(new BinauralRequest(), request);
    }

    [Theory]
    [InlineData("carrier", "abc")]
    [InlineData("sample_rate", "44100.5")]
    [InlineData("target", "7")]
    [InlineData("target", "alpha,beta")]
    [InlineData("noise", "purple")]
    [InlineData("seed", "1e3")]
    public void Should_name_the_parameter_when_its_value_does_not_parse(string name, string value)
    {
        Assert.False(BinauralQuery.TryParse(key => key == name ? value : null, out var request, out var errors));
        Assert.Null(request);
        Assert.Equal([name], errors.Keys);
    }

    [Fact]
    public void Should_report_broken_limits_under_the_query_names_when_values_parse()
    {
        var query = new Dictionary<string, string?> { ["beat"] = "45", ["volume"] = "0.9", ["noise_level"] = "x" };

        Assert.False(BinauralQuery.TryParse(name => query.GetValueOrDefault(name), out _, out var errors));
        Assert.Equal(["beat", "noise_level", "volume"], errors.Keys.Order());
    }
}
