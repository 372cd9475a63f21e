using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;

namespace BrainBuddy.Training.Personalization.Features;

/// <summary>A labelled session, featurized once and reused by every fit and evaluation of a retrain.</summary>
public sealed record TrainingExample(SessionFeatures Session, FeatureRow Row, int Cell)
{
    public float Label => Row.Label;

    public ReadOnlySpan<float> Features => Row.Features;

    /// <summary>Sessions without a usable label are skipped; order is kept.</summary>
    public static List<TrainingExample> From(IReadOnlyList<LabelledSession> sessions, Chronotype? chronotype)
    {
        var examples = new List<TrainingExample>(sessions.Count);
        foreach (var session in sessions)
        {
            if (EffectivenessLabel.Of(session) is not { } label)
            {
                continue;
            }

            var features = SessionFeatures.From(session, chronotype);
            var row = new FeatureRow { Features = SessionFeaturizer.Featurize(features), Label = label };
            examples.Add(new TrainingExample(features, row, ExposureCells.Of(features)));
        }

        return examples;
    }
}
