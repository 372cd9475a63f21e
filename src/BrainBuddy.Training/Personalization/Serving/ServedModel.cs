using BrainBuddy.Training.Personalization.Features;
using BrainBuddy.Training.Personalization.Models;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace BrainBuddy.Training.Personalization.Serving;

/// <summary>
/// A loaded model with a pool of ML.NET prediction engines: an engine is not thread-safe and costs 0.3–0.5 ms to
/// create (ML-NOTES), so each request borrows one, scores all its candidates, and gives it back.
/// </summary>
public sealed class ServedModel : IDisposable
{
    private readonly ObjectPool<PredictionEngine<FeatureRow, EffectivenessPrediction>> engines;

    public ServedModel(EffectivenessModel model, EffectivenessLearner learner)
    {
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 };
        engines = provider.Create(new EnginePolicy(learner, model));
    }

    public void Score(IReadOnlyList<FeatureRow> rows, Span<double> scores)
    {
        var engine = engines.Get();
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                scores[i] = engine.Predict(rows[i]).Score;
            }
        }
        finally
        {
            engines.Return(engine);
        }
    }

    // The pool disposes the engines it holds, and any engine returned after this (a request in flight when the
    // model was evicted) as it comes back.
    public void Dispose() => (engines as IDisposable)?.Dispose();

    private sealed class EnginePolicy(EffectivenessLearner learner, EffectivenessModel model)
        : PooledObjectPolicy<PredictionEngine<FeatureRow, EffectivenessPrediction>>
    {
        public override PredictionEngine<FeatureRow, EffectivenessPrediction> Create() => learner.CreatePredictionEngine(model);

        public override bool Return(PredictionEngine<FeatureRow, EffectivenessPrediction> obj) => true;
    }
}
