namespace BrainBuddy.Training.Personalization.Recommendations;

/// <summary>
/// Thompson sampling over independent normal beliefs N(mean, sd²): draw one value per arm, play the largest. The
/// probability of the arm played is estimated by repeating the draw (<see cref="ProbabilityDraws"/> times), so it can
/// be logged with the choice for offline policy evaluation.
/// </summary>
public sealed class ThompsonSampler(Random random)
{
    public const int ProbabilityDraws = 256;

    public (int Arm, double Probability) Choose(ReadOnlySpan<double> means, ReadOnlySpan<double> deviations)
    {
        if (means.Length == 0)
        {
            throw new ArgumentException("There is nothing to choose from.", nameof(means));
        }

        var chosen = Draw(means, deviations);
        var wins = 1;
        for (var draw = 1; draw < ProbabilityDraws; draw++)
        {
            if (Draw(means, deviations) == chosen)
            {
                wins++;
            }
        }

        return (chosen, wins / (double)ProbabilityDraws);
    }

    private int Draw(ReadOnlySpan<double> means, ReadOnlySpan<double> deviations)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var arm = 0; arm < means.Length; arm++)
        {
            var value = means[arm] + (deviations[arm] * StandardNormal());
            if (value > bestValue)
            {
                best = arm;
                bestValue = value;
            }
        }

        return best;
    }

    private double StandardNormal() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
