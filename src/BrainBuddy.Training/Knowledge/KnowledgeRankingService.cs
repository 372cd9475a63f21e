using System.Collections.Concurrent;
using System.Collections.Frozen;
using BrainBuddy.Data;
using BrainBuddy.Data.Knowledge;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// Ranks stimuli by the combined evidence for an outcome (<see cref="EvidenceScore"/>), and gives personalisation
/// its prior. Reading and aggregating an outcome's entries takes hundreds of milliseconds at 100 000 entries, so each
/// outcome's ranking is built once and kept:
/// <list type="bullet">
/// <item>until <see cref="IKnowledgeRepository.ChangeToken"/> moves (a write in this process): the next request waits
/// for a rebuild, so a researcher sees an import at once;</item>
/// <item>for <see cref="CacheLifetime"/> otherwise, to pick up writes by other instances, which this process cannot
/// see: then requests keep getting the old ranking while one rebuild runs behind them, because it was already that
/// old and no request should pay for the refresh.</item>
/// </list>
/// Concurrent requests share one rebuild. Register it as a singleton.
/// </summary>
public sealed class KnowledgeRankingService(IKnowledgeRepository repository, TimeProvider clock)
{
    public const int MaxLimit = 100;

    public const int MaxCitationsShown = 10;

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, OutcomeCache> caches = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The outcome is not in <see cref="KnowledgeVocabulary.Outcomes"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not from 1 to <see cref="MaxLimit"/>.</exception>
    public async Task<KnowledgeRankings> RankAsync(string outcome, int limit, CancellationToken cancellationToken = default)
    {
        RequireKnownOutcome(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var ranked = (await SnapshotAsync(outcome, cancellationToken)).Ranked;
        return new KnowledgeRankings(outcome, ranked[..Math.Min(limit, ranked.Length)]);
    }

    /// <summary>
    /// How strongly, from 0 to 1, published evidence says the stimulus produces the outcome: the ranking score
    /// (<see cref="EvidenceScore.Combine"/>) of the findings that apply to it. With a target, those are the findings for that band plus the findings
    /// that name no band (evidence about the stimulus in general); without one, every finding for the stimulus type.
    /// A stimulus without findings gets <see cref="EvidenceScore.NoEvidence"/> (0.30), the same as inconclusive evidence.
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is not in <see cref="KnowledgeVocabulary.Outcomes"/>.</exception>
    public async Task<double> PriorEffectivenessAsync(string stimulusType, string outcome, BrainwaveTarget? target = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stimulusType);
        RequireKnownOutcome(outcome);
        var snapshot = await SnapshotAsync(outcome, cancellationToken);
        return snapshot.Priors.GetOrAdd(new StimulusKey(stimulusType, target), snapshot.ComputePrior);
    }

    /// <summary>The prior for a beat or pulse frequency: the band it falls in (<see cref="BrainwaveBands.Of"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The frequency is not above 0 and at most <see cref="BrainwaveBands.MaxFrequencyHz"/>.</exception>
    public Task<double> PriorEffectivenessAsync(string stimulusType, string outcome, double beatFrequencyHz, CancellationToken cancellationToken = default) =>
        PriorEffectivenessAsync(stimulusType, outcome, BrainwaveBands.Of(beatFrequencyHz), cancellationToken);

    private static void RequireKnownOutcome(string outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!KnowledgeVocabulary.Outcomes.Contains(outcome))
        {
            throw new ArgumentException($"'{outcome}' is not a known outcome.", nameof(outcome));
        }
    }

    private Task<Snapshot> SnapshotAsync(string outcome, CancellationToken cancellationToken) =>
        caches.GetOrAdd(outcome, _ => new OutcomeCache())
            .Get(repository.ChangeToken, clock.GetUtcNow(), token => Task.Run(() => BuildAsync(outcome, token)))
            .WaitAsync(cancellationToken);

    // Not cancellable: the build is shared by every request waiting for it, not owned by the one that started it.
    private async Task<Snapshot> BuildAsync(string outcome, long changeToken)
    {
        var builtAt = clock.GetUtcNow();
        var entries = await repository.ListByOutcomeAsync(outcome, CancellationToken.None);
        var groups = entries
            .GroupBy(StimulusKey.Of)
            .Select(group => RankedGroup.From(group.Key, group))
            .Order(RankedGroup.BestFirst)
            .ToList();
        var ranked = groups.Select((group, index) => group.ToRanking(rank: index + 1)).ToArray();
        var evidence = groups.ToFrozenDictionary(group => group.Key, group => group.Sources);
        return new Snapshot(changeToken, builtAt, ranked, evidence);
    }

    /// <summary>One stimulus's findings for the outcome, sorted strongest first (ties by natural key).</summary>
    private sealed record RankedGroup(StimulusKey Key, IReadOnlyList<KnowledgeEntry> Findings, IReadOnlyDictionary<string, SourceEvidence> Sources, double Score)
    {
        /// <summary>Score, then more sources, then more findings, then the stimulus key: the same data always ranks the same.</summary>
        public static readonly IComparer<RankedGroup> BestFirst = Comparer<RankedGroup>.Create((left, right) =>
        {
            var order = right.Score.CompareTo(left.Score);
            order = order != 0 ? order : right.Sources.Count.CompareTo(left.Sources.Count);
            order = order != 0 ? order : right.Findings.Count.CompareTo(left.Findings.Count);
            return order != 0 ? order : StimulusKey.Order.Compare(left.Key, right.Key);
        });

        public static RankedGroup From(StimulusKey key, IEnumerable<KnowledgeEntry> entries)
        {
            var findings = entries
                .OrderByDescending(entry => entry.EvidenceStrength)
                .ThenBy(entry => entry.NaturalKey, StringComparer.Ordinal)
                .ToList();
            var sources = new SortedDictionary<string, SourceEvidence>(StringComparer.Ordinal);
            foreach (var finding in findings)
            {
                var source = KnowledgeCitation.SourceOf(finding.Citations[0]);
                sources[source] = sources.GetValueOrDefault(source).Add(finding.EvidenceStrength);
            }

            return new RankedGroup(key, findings, sources, EvidenceScore.Combine(sources.Values));
        }

        public StimulusRanking ToRanking(int rank) => new(
            rank,
            Key.StimulusType,
            Key.BrainwaveTarget,
            Score,
            Findings.Count,
            Sources.Count,
            RankedFinding.From(Findings[0]),
            RankedFinding.From(Findings[^1]),
            Findings
                .SelectMany(finding => finding.Citations)
                .DistinctBy(KnowledgeCitation.SourceOf)
                .Take(MaxCitationsShown)
                .Select(CitationView.From)
                .ToList());
    }

    private sealed class Snapshot(long changeToken, DateTimeOffset builtAt, StimulusRanking[] ranked, FrozenDictionary<StimulusKey, IReadOnlyDictionary<string, SourceEvidence>> evidence)
    {
        public long ChangeToken { get; } = changeToken;

        public DateTimeOffset BuiltAt { get; } = builtAt;

        public StimulusRanking[] Ranked { get; } = ranked;

        public ConcurrentDictionary<StimulusKey, double> Priors { get; } = new();

        public double ComputePrior(StimulusKey stimulus)
        {
            // Sorted by source, so the sum, and thus the rounded score, never depends on group order.
            var pooled = new SortedDictionary<string, SourceEvidence>(StringComparer.Ordinal);
            foreach (var (key, sources) in evidence)
            {
                if (key.StimulusType == stimulus.StimulusType
                    && (stimulus.BrainwaveTarget is null || key.BrainwaveTarget is null || key.BrainwaveTarget == stimulus.BrainwaveTarget))
                {
                    foreach (var (source, sourceEvidence) in sources)
                    {
                        pooled[source] = pooled.GetValueOrDefault(source).Add(sourceEvidence);
                    }
                }
            }

            return EvidenceScore.Combine(pooled.Values);
        }
    }

    /// <summary>The latest ranking of one outcome and the rebuild that will replace it.</summary>
    private sealed class OutcomeCache
    {
        private readonly Lock gate = new();
        private Task<Snapshot>? latest;
        private Task<Snapshot>? rebuild;
        private long rebuildToken;

        public Task<Snapshot> Get(long changeToken, DateTimeOffset now, Func<long, Task<Snapshot>> build)
        {
            lock (gate)
            {
                if (latest is { Result: var snapshot } && snapshot.ChangeToken == changeToken)
                {
                    if (now - snapshot.BuiltAt >= CacheLifetime && !IsRebuilding(changeToken))
                    {
                        Rebuild(changeToken, build);
                    }

                    return latest;
                }

                if (!IsRebuilding(changeToken))
                {
                    Rebuild(changeToken, build);
                }

                return rebuild!;
            }
        }

        private bool IsRebuilding(long changeToken) => rebuild is { IsCompleted: false } && rebuildToken == changeToken;

        private void Rebuild(long changeToken, Func<long, Task<Snapshot>> build)
        {
            rebuildToken = changeToken;
            rebuild = KeepAsync(build(changeToken));
        }

        private async Task<Snapshot> KeepAsync(Task<Snapshot> building)
        {
            // Always resume on another thread: Rebuild runs under the lock, and this continuation takes it.
            var snapshot = await building.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            lock (gate)
            {
                // Rebuilds may finish out of order: keep the one that read the store last.
                if (latest is null || (snapshot.ChangeToken, snapshot.BuiltAt).CompareTo((latest.Result.ChangeToken, latest.Result.BuiltAt)) >= 0)
                {
                    latest = Task.FromResult(snapshot);
                }
            }

            return snapshot;
        }
    }
}
