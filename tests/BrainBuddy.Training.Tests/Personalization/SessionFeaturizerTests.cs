using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Training.Personalization.Features;
using BrainBuddy.Training.Tests.Personalization.Simulation;

namespace BrainBuddy.Training.Tests.Personalization;

public sealed class SessionFeaturizerTests
{
    [Fact]
    public void Should_size_every_block_by_its_vocabulary_when_the_layout_is_built()
    {
        Assert.Equal(FeatureLayout.ModuleCount, Enum.GetValues<ModuleType>().Length);
        Assert.Equal(FeatureLayout.TargetCount, Enum.GetValues<BrainwaveTarget>().Length);
        Assert.Equal(FeatureLayout.ChronotypeCount, Enum.GetValues<Chronotype>().Length);
        Assert.Equal(TimeOfDaySlots.Count, Enum.GetValues<TimeOfDaySlot>().Length);
        Assert.Equal(FeatureLayout.Length, FeatureLayout.Groups.Sum(group => group.Width));
    }

    [Fact]
    public void Should_keep_every_value_within_minus_one_and_one_when_featurizing_any_session()
    {
        var random = new Random(1);
        var user = new SimulatedUser("f", Chronotype.Dolphin, BrainwaveTarget.Gamma, 12, random);
        var extreme = new LabelledSession("x", ModuleType.Brainwave, BrainwaveTarget.Delta, 1000, 5000, 10_000, SyntheticPopulation.Start, 5, null);

        foreach (var session in user.History(500, random, SyntheticPopulation.Start).Append(extreme))
        {
            Assert.All(SessionFeaturizer.Featurize(SessionFeatures.From(session, Chronotype.Dolphin)), value => Assert.InRange(value, -1, 1));
        }
    }

    [Fact]
    public void Should_set_the_target_time_and_chronotype_crosses_when_a_target_is_given()
    {
        var evening = new DateTime(2026, 11, 25, 19, 15, 0, DateTimeKind.Utc);
        var features = SessionFeaturizer.Featurize(new SessionFeatures(ModuleType.Brainwave, BrainwaveTarget.Alpha, 10, 200, 1200, evening, Chronotype.Wolf));

        var alpha = (int)BrainwaveTarget.Alpha;
        var slot = (int)TimeOfDaySlot.Evening;
        Assert.Equal(1, features[FeatureLayout.TargetBySlot + (alpha * TimeOfDaySlots.Count) + slot]);
        Assert.Equal(1, features[FeatureLayout.TargetByChronotype + (alpha * FeatureLayout.ChronotypeCount) + (int)Chronotype.Wolf]);
        Assert.Equal(1, features[FeatureLayout.ChronotypeBySlot + ((int)Chronotype.Wolf * TimeOfDaySlots.Count) + slot]);
        Assert.Equal(1, features.AsSpan(FeatureLayout.TargetBySlot, FeatureLayout.TargetCount * TimeOfDaySlots.Count).ToArray().Sum());
        Assert.Equal(1, features[FeatureLayout.Day + (int)DayOfWeek.Wednesday]);
    }

    [Fact]
    public void Should_leave_target_and_chronotype_blocks_empty_when_neither_is_known()
    {
        var features = SessionFeaturizer.Featurize(new SessionFeatures(ModuleType.PfcGym, null, null, null, 600, SyntheticPopulation.Start.AddHours(9), null));

        Assert.All(features[FeatureLayout.Target..FeatureLayout.Carrier], value => Assert.Equal(0, value));
        Assert.All(features[FeatureLayout.Chronotype..], value => Assert.Equal(0, value));
    }

    [Fact]
    public void Should_place_late_evening_next_to_midnight_when_encoding_the_hour_cyclically()
    {
        float[] At(int hour, int minute) => SessionFeaturizer.Featurize(
            new SessionFeatures(ModuleType.Movers, null, null, null, 600, SyntheticPopulation.Start.AddHours(hour).AddMinutes(minute), null));
        double Distance(float[] a, float[] b) => Enumerable.Range(FeatureLayout.HourCycle, 2).Sum(i => Math.Abs(a[i] - b[i]));

        Assert.True(Distance(At(23, 50), At(0, 10)) < Distance(At(11, 50), At(12, 10)) + 1e-4);
        Assert.True(Distance(At(23, 50), At(0, 10)) < Distance(At(23, 50), At(12, 0)));
    }

    [Fact]
    public void Should_prefer_the_effectiveness_score_when_a_session_has_both_labels()
    {
        var session = new LabelledSession("s", ModuleType.Movers, null, null, null, 60, SyntheticPopulation.Start, 1, 0.8);

        Assert.Equal(0.8f, EffectivenessLabel.Of(session));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0.5)]
    [InlineData(5, 1)]
    public void Should_map_the_rating_onto_zero_to_one_when_only_a_rating_is_given(int rating, float expected)
    {
        var session = new LabelledSession("s", ModuleType.Movers, null, null, null, 60, SyntheticPopulation.Start, rating, null);

        Assert.Equal(expected, EffectivenessLabel.Of(session));
    }
}
