using System.Text.Json;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Sessions;
using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;

namespace BrainBuddy.Api.Demo;

/// <summary>
/// Four weeks of plausible sessions for the demo user, every module and every brainwave target, rated with a
/// pattern a personal model can find: alpha and the PFC Gym work best in the morning, theta in the evening,
/// mental rehearsal when it lasts 10 to 15 minutes; the rest is noise. Seeded, so every run tells the same story.
/// </summary>
public static class DemoSessions
{
    public const int Days = 28;

    private static readonly (BrainwaveTarget Target, double Beat)[] Beats =
        [(BrainwaveTarget.Delta, 2), (BrainwaveTarget.Theta, 6), (BrainwaveTarget.Alpha, 10), (BrainwaveTarget.Beta, 18), (BrainwaveTarget.Gamma, 40)];

    public static List<TrainingSession> Generate(string userId, DateTime now, int seed = 20260301)
    {
        var random = new Random(seed);
        var sessions = new List<TrainingSession>();
        var firstDay = now.Date.AddDays(-Days);
        for (var day = 0; day < Days; day++)
        {
            var count = 2 + random.Next(2);
            for (var i = 0; i < count; i++)
            {
                var hour = i == 0 ? 7 + random.Next(3) : 17 + random.Next(5);
                var at = firstDay.AddDays(day).AddHours(hour).AddMinutes(random.Next(60));
                if (at < now)
                {
                    sessions.Add(Session(userId, at, random, now));
                }
            }
        }

        return sessions;
    }

    private static TrainingSession Session(string userId, DateTime at, Random random, DateTime now)
    {
        var module = (ModuleType)random.Next(4);
        var minutes = 5 + random.Next(21);
        var morning = at.Hour < 12;
        BrainwaveTarget? target = null;
        object content = new { minutes };
        var effect = 0.0;
        switch (module)
        {
            case ModuleType.Brainwave:
                var (band, beat) = Beats[random.Next(Beats.Length)];
                target = band;
                content = new { beat_frequency = beat, carrier_frequency = 200, voice = "binaural" };
                effect = (band, morning) switch
                {
                    (BrainwaveTarget.Alpha, true) => 0.25,
                    (BrainwaveTarget.Theta, false) => 0.2,
                    (BrainwaveTarget.Gamma, _) => -0.1,
                    _ => 0,
                };
                break;
            case ModuleType.PfcGym:
                effect = morning ? 0.15 : -0.05;
                break;
            case ModuleType.MentalRehearsal:
                effect = minutes is >= 10 and <= 15 ? 0.2 : 0;
                break;
        }

        var score = Math.Round(Math.Clamp(0.45 + effect + Gaussian(random, 0.08), 0, 1), 3);
        var rating = (int)Math.Clamp(Math.Round(1 + (4 * score) + Gaussian(random, 0.5)), 1, 5);
        var input = new SessionInput(null, module, target, JsonSerializer.SerializeToElement(content), rating, score, new DateTimeOffset(at), minutes * 60);
        var errors = new ValidationErrors();
        // The demo data passes the same rules as anything a client sends.
        return SessionRules.ToSession(input, userId, now, errors)
            ?? throw new InvalidOperationException("A generated demo session broke the session rules: " + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(' ', e.Value)}")));
    }

    private static double Gaussian(Random random, double deviation) =>
        deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
