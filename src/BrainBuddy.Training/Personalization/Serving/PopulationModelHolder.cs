using BrainBuddy.Training.Personalization.Models;

namespace BrainBuddy.Training.Personalization.Serving;

/// <summary>
/// The population model in use, shared by training (warm start, comparison, shrinkage) and serving. The host
/// sets it at start-up from storage and after each population retrain; null until then (evidence level).
/// </summary>
public sealed class PopulationModelHolder(EffectivenessLearner learner) : IDisposable
{
    private ServedPopulation? current;

    public ServedPopulation? Current => Volatile.Read(ref current);

    public void Replace(PopulationModel model)
    {
        var previous = Interlocked.Exchange(ref current, new ServedPopulation(model, new ServedModel(model.Model, learner)));
        previous?.Served.Dispose();
    }

    public void Dispose() => Current?.Served.Dispose();
}

public sealed record ServedPopulation(PopulationModel Model, ServedModel Served);
