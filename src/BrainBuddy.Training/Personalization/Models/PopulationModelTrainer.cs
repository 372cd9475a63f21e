using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Training.Personalization.Features;

namespace BrainBuddy.Training.Personalization.Models;

/// <summary>Fits the population model and estimates its shrinkage from the same users' residuals.</summary>
public sealed class PopulationModelTrainer(EffectivenessLearner learner)
{
    /// <summary>Tens of thousands of rows: a few passes converge, more only cost time.</summary>
    public const int Passes = 5;

    /// <returns>Null when none of the users has a labelled session.</returns>
    public PopulationModel? Train(IReadOnlyCollection<UserSessions> users, DateTime trainedAt)
    {
        var examplesByUser = users
            .Select(user => TrainingExample.From(user.Sessions, user.Chronotype))
            .Where(examples => examples.Count > 0)
            .ToList();
        var rows = examplesByUser.SelectMany(examples => examples.Select(example => example.Row)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var model = learner.Fit(rows, Passes);
        var shrinkage = ShrinkageEstimate.FromResiduals(examplesByUser.SelectMany(examples => ResidualsByCell(examples, model)));
        return new PopulationModel(model, learner.Save(model), shrinkage, examplesByUser.Count, rows.Count, trainedAt);
    }

    private static ResidualGroup[] ResidualsByCell(List<TrainingExample> examples, EffectivenessModel model)
    {
        var groups = ResidualGroup.ForCells();
        foreach (var example in examples)
        {
            groups[example.Cell].Add(example.Label - model.Predict(example.Features));
        }

        return groups;
    }
}

/// <summary>One user's labelled sessions, with the chronotype they are featurized under.</summary>
public sealed record UserSessions(string UserId, Chronotype? Chronotype, IReadOnlyList<LabelledSession> Sessions);
