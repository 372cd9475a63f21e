using BrainBuddy.Training.Personalization.Serving;
using Prometheus;

namespace BrainBuddy.Api.Operations;

/// <summary>
/// Publishes <see cref="PersonalModelCache.Statistics"/> when <c>/metrics</c> is scraped, if the host registered a
/// cache: reading the cache's own counters costs nothing on the recommendation path.
/// </summary>
internal static class ModelCacheMetrics
{
    private static readonly Counter Hits = Prometheus.Metrics.CreateCounter("brainbuddy_model_cache_hits_total", "Personal model lookups served from the cache.");
    private static readonly Counter Misses = Prometheus.Metrics.CreateCounter("brainbuddy_model_cache_misses_total", "Personal model lookups that loaded and decrypted the model.");
    private static readonly Counter Evictions = Prometheus.Metrics.CreateCounter("brainbuddy_model_cache_evictions_total", "Personal models evicted to stay within capacity.");
    private static readonly Gauge Entries = Prometheus.Metrics.CreateGauge("brainbuddy_model_cache_entries", "Personal models in the cache.");
    private static readonly Gauge Capacity = Prometheus.Metrics.CreateGauge("brainbuddy_model_cache_capacity", "Personal models the cache holds at most.");

    private static PersonalModelCache? watched;
    private static int registered;

    /// <summary>Publishes this cache's statistics from now on (the last host started in a process wins).</summary>
    public static void Watch(PersonalModelCache cache)
    {
        Volatile.Write(ref watched, cache);
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            Prometheus.Metrics.DefaultRegistry.AddBeforeCollectCallback(Publish);
        }
    }

    private static void Publish()
    {
        if (Volatile.Read(ref watched) is not { } cache)
        {
            return;
        }

        var statistics = cache.Statistics;
        Hits.IncTo(statistics.Hits);
        Misses.IncTo(statistics.Misses);
        Evictions.IncTo(statistics.Evictions);
        Entries.Set(statistics.Count);
        Capacity.Set(statistics.Capacity);
    }
}
