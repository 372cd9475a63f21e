using BrainBuddy.Training.Personalization.Models;
using BrainBuddy.Training.Tests.Personalization.Simulation;

namespace BrainBuddy.Training.Tests.Personalization.Support;

/// <summary>One learner and one population model of simulated users for every test: training it is the slow part.</summary>
public static class SharedPopulation
{
    private static readonly Lazy<PopulationModel> Population = new(() =>
        SyntheticPopulation.Train(new PopulationModelTrainer(Learner!), SyntheticPopulation.Users(count: 120, sessionsEach: 80, seed: 7)));

    public static EffectivenessLearner Learner { get; } = new();

    public static PopulationModel Model => Population.Value;
}
