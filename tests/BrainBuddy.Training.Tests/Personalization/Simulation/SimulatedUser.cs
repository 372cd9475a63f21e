using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;

namespace BrainBuddy.Training.Tests.Personalization.Simulation;

/// <summary>
/// A user whose effectiveness follows a hidden formula the models never see: population effects of module and target,
/// the user's own deviations from them, a chronotype peak in the day, a favourite target at a favourite time, optima in
/// beat position and duration, and a weekend lift. Labels are that truth plus N(0, <see cref="LabelNoise"/>), clipped to 0–1,
/// the set-up ML-NOTES measured with. Written independently of the featurizer, in hours and hertz.
/// </summary>
public sealed class SimulatedUser
{
    public const double LabelNoise = 0.08;

    private static readonly double[] ModuleEffect = [0.0, 0.03, -0.02, 0.05];
    private static readonly double[] TargetEffect = [-0.05, 0.02, 0.05, 0.0, -0.03];

    private readonly double[] moduleDeviation;
    private readonly double[] targetDeviation;
    private readonly double beatOptimum;
    private readonly double durationOptimumMinutes;

    public SimulatedUser(string id, Chronotype chronotype, BrainwaveTarget favouriteTarget, int favouriteFromHour, Random random, bool randomRatings = false)
    {
        Id = id;
        Chronotype = chronotype;
        FavouriteTarget = favouriteTarget;
        FavouriteFromHour = favouriteFromHour;
        RandomRatings = randomRatings;
        moduleDeviation = [.. ModuleEffect.Select(_ => Normal(random) * 0.04)];
        targetDeviation = [.. TargetEffect.Select(_ => Normal(random) * 0.07)];
        beatOptimum = 0.2 + (0.6 * random.NextDouble());
        durationOptimumMinutes = 10 + (15 * random.NextDouble());
    }

    public string Id { get; }

    public Chronotype Chronotype { get; }

    /// <summary>The target that works best for this user in the three hours from <see cref="FavouriteFromHour"/>.</summary>
    public BrainwaveTarget FavouriteTarget { get; }

    public int FavouriteFromHour { get; }

    /// <summary>Rates every session uniformly at random on the 1–5 scale, whatever it was.</summary>
    public bool RandomRatings { get; }

    public static double PeakHour(Chronotype chronotype) => chronotype switch
    {
        Chronotype.Lion => 8,
        Chronotype.Bear => 11,
        Chronotype.Wolf => 19,
        _ => 12,
    };

    public double Truth(LabelledSession session)
    {
        var hour = session.Timestamp.TimeOfDay.TotalHours;
        var truth = 0.45 + ModuleEffect[(int)session.ModuleType] + moduleDeviation[(int)session.ModuleType];
        truth += 0.08 * Math.Cos(2 * Math.PI * (hour - PeakHour(Chronotype)) / 24);
        truth -= 0.10 * Math.Pow((session.DurationSeconds / 60.0 - durationOptimumMinutes) / 20, 2);
        if (session.Timestamp.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            truth += 0.03;
        }

        if (session.BrainwaveTarget is { } target)
        {
            truth += TargetEffect[(int)target] + targetDeviation[(int)target];
            if (target == FavouriteTarget && hour >= FavouriteFromHour && hour < FavouriteFromHour + 3)
            {
                truth += 0.25;
            }

            if (session.BeatFrequency is { } beat)
            {
                var (low, high) = Band(target);
                var position = Math.Clamp((beat - low) / (high - low), 0, 1);
                truth -= 0.12 * 4 * Math.Pow(position - beatOptimum, 2);
            }
        }

        return truth;
    }

    /// <summary>A session as the app would record it: 70 % brainwave sessions, daytime hours, a random day.</summary>
    public LabelledSession NextSession(Random random, DateTime day)
    {
        var module = random.NextDouble() < 0.7 ? ModuleType.Brainwave : (ModuleType)random.Next(3);
        BrainwaveTarget? target = module == ModuleType.Brainwave ? (BrainwaveTarget)random.Next(5) : null;
        double? beat = null, carrier = null;
        if (target is { } chosen)
        {
            var (low, high) = Band(chosen);
            beat = low + ((high - low) * random.NextDouble());
            carrier = 100 + (400 * random.NextDouble());
        }

        var timestamp = day.Date.AddHours(6 + (17.5 * random.NextDouble()));
        var duration = 60 * (5 + random.Next(26));
        var unlabelled = new LabelledSession(Guid.NewGuid().ToString("N"), module, target, beat, carrier, duration, timestamp, null, null);
        if (RandomRatings)
        {
            return unlabelled with { UserRating = 1 + random.Next(5) };
        }

        var score = Math.Clamp(Truth(unlabelled) + (Normal(random) * LabelNoise), 0, 1);
        return unlabelled with { EffectivenessScore = score };
    }

    public List<LabelledSession> History(int count, Random random, DateTime start) =>
        [.. Enumerable.Range(0, count).Select(index => NextSession(random, start.AddDays(index * 0.7)))];

    private static (double Low, double High) Band(BrainwaveTarget target) => target switch
    {
        BrainwaveTarget.Delta => (0.5, 4),
        BrainwaveTarget.Theta => (4, 8),
        BrainwaveTarget.Alpha => (8, 13),
        BrainwaveTarget.Beta => (13, 30),
        _ => (30, 50),
    };

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
