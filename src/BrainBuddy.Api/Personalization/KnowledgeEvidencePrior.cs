using System.Collections.Frozen;
using BrainBuddy.Data;
using BrainBuddy.Training.Knowledge;
using BrainBuddy.Training.Personalization.Evidence;

namespace BrainBuddy.Api.Personalization;

/// <summary>
/// The knowledge base's ranking as the first level of personal models: the prior effectiveness of binaural beats
/// for each brainwave target and outcome. The recommendation path is synchronous and hot, so the table is
/// computed ahead (at start-up and every minute) from the ranking service's own cache.
/// </summary>
public sealed class KnowledgeEvidencePrior(KnowledgeRankingService rankings) : IEvidencePrior
{
    public const string StimulusType = "binaural_beats";

    /// <summary>Evidence scores are spread over the inconclusive 0.30; a wide uncertainty keeps the prior easy to overrule.</summary>
    private const double Uncertainty = 0.2;

    private FrozenDictionary<(string? Outcome, BrainwaveTarget? Target), double> table = FrozenDictionary<(string?, BrainwaveTarget?), double>.Empty;

    public EvidenceEstimate Estimate(BrainwaveTarget? target, double? beatFrequency, string? outcome) =>
        new(Volatile.Read(ref table).TryGetValue((outcome, target), out var prior) ? prior : TableEvidencePrior.Flat.Estimate(target, beatFrequency, outcome).Effectiveness, Uncertainty);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var targets = Enum.GetValues<BrainwaveTarget>().Cast<BrainwaveTarget?>().Append(null).ToList();
        var next = new Dictionary<(string?, BrainwaveTarget?), double>();
        foreach (var target in targets)
        {
            var perOutcome = new List<double>();
            foreach (var outcome in KnowledgeVocabulary.Outcomes)
            {
                var prior = await rankings.PriorEffectivenessAsync(StimulusType, outcome, target, cancellationToken);
                next[(outcome, target)] = prior;
                perOutcome.Add(prior);
            }

            // Without a goal, the prior is the stimulus's evidence across every outcome.
            next[(null, target)] = perOutcome.Average();
        }

        Volatile.Write(ref table, next.ToFrozenDictionary());
    }
}
