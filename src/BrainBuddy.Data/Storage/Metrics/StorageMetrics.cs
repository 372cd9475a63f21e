using Prometheus;

namespace BrainBuddy.Data.Storage.Metrics;

/// <summary>Store metrics, in prometheus-net's default registry (the one <c>/metrics</c> serves).</summary>
public static class StorageMetrics
{
    /// <summary>From a quarter of a millisecond (an embedded read from cache) to ten seconds (a stuck server).</summary>
    private static readonly double[] LatencyBuckets = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

    /// <summary>Repository calls by backend, collection and operation (the method name: <c>list</c>, <c>insert_many</c>, …).</summary>
    public static readonly Histogram OperationDuration = Prometheus.Metrics.CreateHistogram(
        "brainbuddy_db_operation_duration_seconds",
        "Time of one repository call, from the call until its task completed (failures included).",
        new HistogramConfiguration { LabelNames = ["backend", "collection", "operation"], Buckets = LatencyBuckets });

    public static readonly Gauge MongoConnectionsInUse = Prometheus.Metrics.CreateGauge(
        "brainbuddy_mongodb_pool_connections_in_use", "MongoDB connections checked out of the pool, per server.", "server");

    public static readonly Gauge MongoWaitQueue = Prometheus.Metrics.CreateGauge(
        "brainbuddy_mongodb_pool_wait_queue", "Operations waiting for a pooled MongoDB connection, per server.", "server");

    public static readonly Gauge MongoConnections = Prometheus.Metrics.CreateGauge(
        "brainbuddy_mongodb_pool_connections", "Open MongoDB connections in the pool, per server.", "server");

    public static readonly Histogram MongoCheckOutDuration = Prometheus.Metrics.CreateHistogram(
        "brainbuddy_mongodb_pool_checkout_seconds",
        "Time an operation waited to get a pooled MongoDB connection, per server.",
        new HistogramConfiguration { LabelNames = ["server"], Buckets = LatencyBuckets });
}
