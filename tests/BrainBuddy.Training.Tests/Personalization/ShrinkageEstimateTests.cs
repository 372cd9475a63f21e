using BrainBuddy.Training.Personalization.Models;

namespace BrainBuddy.Training.Tests.Personalization;

public sealed class ShrinkageEstimateTests
{
    [Fact]
    public void Should_recover_the_simulated_variances_when_users_differ_by_a_known_amount()
    {
        const double between = 0.01, noise = 0.0064;
        var random = new Random(2);
        var groups = Enumerable.Range(0, 3000).Select(_ =>
        {
            var group = new ResidualGroup();
            var deviation = Normal(random) * Math.Sqrt(between);
            for (var i = 0; i < 1 + random.Next(5); i++)
            {
                group.Add(deviation + (Normal(random) * Math.Sqrt(noise)));
            }

            return group;
        }).ToList();

        var estimate = ShrinkageEstimate.FromResiduals(groups)!;

        Assert.InRange(estimate.NoiseVariance, noise * 0.9, noise * 1.1);
        Assert.InRange(estimate.BetweenUserVariance, between * 0.9, between * 1.1);
        Assert.InRange(estimate.K, 0.64 * 0.8, 0.64 * 1.2);
    }

    [Fact]
    public void Should_give_no_estimate_when_no_group_has_two_sessions()
    {
        var single = new ResidualGroup();
        single.Add(0.3);

        Assert.Null(ShrinkageEstimate.FromResiduals([single, new ResidualGroup()]));
    }

    [Fact]
    public void Should_weigh_the_personal_model_by_n_over_n_plus_k_when_blending()
    {
        var estimate = new ShrinkageEstimate(NoiseVariance: 0.02, BetweenUserVariance: 0.01);

        Assert.Equal(2, estimate.K, 6);
        Assert.Equal(0, estimate.PersonalWeight(0));
        Assert.Equal(0.5, estimate.PersonalWeight(2), 6);
        Assert.Equal(Math.Sqrt(0.01), estimate.PosteriorStandardDeviation(0), 6);
        Assert.True(estimate.PosteriorStandardDeviation(10) < estimate.PosteriorStandardDeviation(1));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
