namespace BrainBuddy.Training.Knowledge;

/// <summary>The summed strength and the number of findings that one source (one paper) contributes to a stimulus.</summary>
public readonly record struct SourceEvidence(double StrengthSum, int FindingCount)
{
    public double MeanStrength => StrengthSum / FindingCount;

    public SourceEvidence Add(double strength) => new(StrengthSum + strength, FindingCount + 1);

    public SourceEvidence Add(SourceEvidence other) => new(StrengthSum + other.StrengthSum, FindingCount + other.FindingCount);
}

/// <summary>
/// How findings combine into one score, stated in seed/knowledge/README.md:
/// <c>score = (NoEvidence + Σ mean strength per source) / (1 + number of sources)</c>.
/// Each independent source (distinct DOI or title) counts once, with the mean strength of its findings, and the
/// score starts from one imaginary inconclusive finding (<see cref="NoEvidence"/>). So more agreeing sources move
/// the score further from 0.30 towards what they report, and null or negative findings, whose strength the band
/// rule caps at 0.20 and 0.10, pull it down.
/// </summary>
public static class EvidenceScore
{
    /// <summary>The score of a stimulus without findings: the start value of band E (mixed or inconclusive).</summary>
    public const double NoEvidence = 0.30;

    /// <summary>Scores are rounded so that ties are exact and results read the same on every machine.</summary>
    public const int Decimals = 4;

    public static double Combine(IEnumerable<SourceEvidence> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var sum = NoEvidence;
        var count = 1;
        foreach (var source in sources)
        {
            sum += source.MeanStrength;
            count++;
        }

        return Math.Round(sum / count, Decimals, MidpointRounding.AwayFromZero);
    }
}
