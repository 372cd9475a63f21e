using Microsoft.ML.Data;

namespace BrainBuddy.Training.Personalization.Features;

/// <summary>The only ML.NET input shape: the featurizer's vector and the label. No transforms run in front of the trainer.</summary>
public sealed class FeatureRow
{
    [VectorType(FeatureLayout.Length)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

public sealed class EffectivenessPrediction
{
    public float Score { get; set; }
}
