using System.Numerics.Tensors;
using BrainBuddy.Training.Personalization.Features;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BrainBuddy.Training.Personalization.Models;

/// <summary>
/// A fitted linear model over <see cref="FeatureLayout"/>: the ML.NET transformer (what is saved and served
/// through prediction engines) and a copy of its weights, so training-time evaluation and explanations are
/// a dot product instead of an ML.NET pipeline run.
/// </summary>
public sealed class EffectivenessModel
{
    private readonly float[] weights;

    internal EffectivenessModel(RegressionPredictionTransformer<LinearRegressionModelParameters> transformer)
    {
        Transformer = transformer;
        weights = [.. transformer.Model.Weights];
        Bias = transformer.Model.Bias;
        if (weights.Length != FeatureLayout.Length)
        {
            throw new InvalidDataException($"The model has {weights.Length} weights; the featurizer writes {FeatureLayout.Length}.");
        }
    }

    public RegressionPredictionTransformer<LinearRegressionModelParameters> Transformer { get; }

    public float Bias { get; }

    public ReadOnlySpan<float> Weights => weights;

    /// <summary>The same number ML.NET's prediction engine returns for these features.</summary>
    public double Predict(ReadOnlySpan<float> features) => Bias + TensorPrimitives.Dot(weights, features);

    /// <summary>How much one block of features adds to <see cref="Predict"/>.</summary>
    public double Contribution(ReadOnlySpan<float> features, FeatureGroup group) =>
        TensorPrimitives.Dot(weights.AsSpan(group.Offset, group.Width), features.Slice(group.Offset, group.Width));
}
