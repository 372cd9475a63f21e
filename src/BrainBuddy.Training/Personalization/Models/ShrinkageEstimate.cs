namespace BrainBuddy.Training.Personalization.Models;

/// <summary>
/// The empirical-Bayes model behind every blend and uncertainty: within one exposure cell (target × time of day)
/// a user's true effect is the level below's prediction plus a deviation of variance τ² (<see cref="BetweenUserVariance"/>),
/// and each session adds noise of variance σ² (<see cref="NoiseVariance"/>). After n sessions in the cell the posterior
/// mean weighs the user's own estimate by n / (n + k) with k = σ² / τ², and the posterior variance is σ² / (n + k).
/// Both variances are estimated from data (method of moments), never guessed.
/// </summary>
public sealed record ShrinkageEstimate(double NoiseVariance, double BetweenUserVariance)
{
    /// <summary>
    /// τ² is floored at σ² / MaximumK: when users do not measurably differ, personal models would need ten
    /// thousand sessions in a cell to outweigh the prior, which is "never" in practice while staying finite.
    /// </summary>
    public const double MaximumK = 10_000;

    public double K => NoiseVariance / BetweenUserVariance;

    public double PersonalWeight(int sessionsInCell) => sessionsInCell / (sessionsInCell + K);

    public double PosteriorStandardDeviation(int sessionsInCell) => Math.Sqrt(NoiseVariance / (sessionsInCell + K));

    /// <summary>
    /// Method-of-moments estimate from residuals against the level below, grouped by (user, cell). σ² is the pooled
    /// within-group variance; τ² follows from E[n·r̄²] = n·τ² + σ² summed over groups. Null when no group has two
    /// sessions, so within-group noise cannot be told apart from between-user variance.
    /// </summary>
    public static ShrinkageEstimate? FromResiduals(IEnumerable<ResidualGroup> groups)
    {
        double withinSquares = 0, scaledMeanSquares = 0;
        long withinDegrees = 0, sessions = 0, groupCount = 0;
        foreach (var group in groups)
        {
            if (group.Count == 0)
            {
                continue;
            }

            var scaledMeanSquare = group.Sum * group.Sum / group.Count;
            withinSquares += Math.Max(0, group.SumOfSquares - scaledMeanSquare);
            withinDegrees += group.Count - 1;
            scaledMeanSquares += scaledMeanSquare;
            sessions += group.Count;
            groupCount++;
        }

        if (withinDegrees == 0 || withinSquares <= 0)
        {
            return null;
        }

        var noise = withinSquares / withinDegrees;
        var between = (scaledMeanSquares - (groupCount * noise)) / sessions;
        return new ShrinkageEstimate(noise, Math.Max(between, noise / MaximumK));
    }
}

/// <summary>Residuals (label minus the level below's prediction) of one user in one exposure cell.</summary>
public sealed class ResidualGroup
{
    public int Count { get; private set; }

    public double Sum { get; private set; }

    public double SumOfSquares { get; private set; }

    public void Add(double residual)
    {
        Count++;
        Sum += residual;
        SumOfSquares += residual * residual;
    }

    /// <summary>Groups residuals by exposure cell for one user: one group per cell.</summary>
    public static ResidualGroup[] ForCells() => [.. Enumerable.Range(0, Features.ExposureCells.Count).Select(_ => new ResidualGroup())];
}
