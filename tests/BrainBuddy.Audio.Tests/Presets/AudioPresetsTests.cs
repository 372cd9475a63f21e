using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Validation;

namespace BrainBuddy.Audio.Tests.Presets;

public sealed class AudioPresetsTests
{
    [Fact]
    public void Should_hold_each_default_beat_inside_its_band_when_listing_presets()
    {
        Assert.Equal(Enum.GetValues<BrainwaveTarget>(), AudioPresets.All.Select(preset => preset.Target));
        Assert.All(AudioPresets.All, preset => Assert.True(preset.Contains(preset.DefaultBeatHz), $"{preset.Target}"));
    }

    [Fact]
    public void Should_keep_default_carriers_within_200_to_500_hz_when_listing_presets()
    {
        Assert.All(AudioPresets.All, preset => Assert.InRange(preset.DefaultCarrierHz, 200, 500));
    }

    [Theory]
    [InlineData(BrainwaveTarget.Delta)]
    [InlineData(BrainwaveTarget.Theta)]
    [InlineData(BrainwaveTarget.Alpha)]
    [InlineData(BrainwaveTarget.Beta)]
    [InlineData(BrainwaveTarget.Gamma)]
    public void Should_pass_every_safety_limit_when_a_target_is_used_as_is(BrainwaveTarget target)
    {
        var request = new BinauralRequest { Target = target };
        var segment = Assert.Single(request.ToTimeline().Segments);

        Assert.Empty(AudioLimits.Validate(request));
        Assert.Equal(AudioPresets.For(target).DefaultBeatHz, segment.Beat);
        Assert.Equal(AudioPresets.For(target).DefaultCarrierHz, segment.Carrier);
    }

    [Fact]
    public void Should_take_the_carrier_of_the_band_holding_the_beat_when_no_target_is_given()
    {
        var segment = Assert.Single(new BinauralRequest { Beat = 20 }.ToTimeline().Segments);

        Assert.Equal(AudioPresets.For(BrainwaveTarget.Beta).DefaultCarrierHz, segment.Carrier);
    }
}
