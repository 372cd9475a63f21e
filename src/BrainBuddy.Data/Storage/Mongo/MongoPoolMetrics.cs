using System.Net;
using BrainBuddy.Data.Storage.Metrics;
using MongoDB.Driver.Core.Configuration;
using MongoDB.Driver.Core.Events;

namespace BrainBuddy.Data.Storage.Mongo;

/// <summary>
/// Connection pool gauges from the driver's pool events: connections in use and operations waiting for one tell
/// when <c>maxPoolSize</c> is too small (the wait queue grows while in-use sits at the maximum).
/// </summary>
internal static class MongoPoolMetrics
{
    public static void Subscribe(ClusterBuilder cluster)
    {
        cluster.Subscribe<ConnectionPoolCheckingOutConnectionEvent>(e => CheckingOut(e.ServerId.EndPoint));
        cluster.Subscribe<ConnectionPoolCheckedOutConnectionEvent>(e => CheckedOut(e.ServerId.EndPoint, e.Duration));
        cluster.Subscribe<ConnectionPoolCheckingOutConnectionFailedEvent>(e => CheckOutFailed(e.ServerId.EndPoint));
        cluster.Subscribe<ConnectionPoolCheckedInConnectionEvent>(e => CheckedIn(e.ServerId.EndPoint));
        cluster.Subscribe<ConnectionPoolAddedConnectionEvent>(e => StorageMetrics.MongoConnections.WithLabels(Server(e.ServerId.EndPoint)).Inc());
        cluster.Subscribe<ConnectionPoolRemovedConnectionEvent>(e => StorageMetrics.MongoConnections.WithLabels(Server(e.ServerId.EndPoint)).Dec());
    }

    public static void CheckingOut(EndPoint server) => StorageMetrics.MongoWaitQueue.WithLabels(Server(server)).Inc();

    public static void CheckedOut(EndPoint server, TimeSpan waited)
    {
        var label = Server(server);
        StorageMetrics.MongoWaitQueue.WithLabels(label).Dec();
        StorageMetrics.MongoConnectionsInUse.WithLabels(label).Inc();
        StorageMetrics.MongoCheckOutDuration.WithLabels(label).Observe(waited.TotalSeconds);
    }

    public static void CheckOutFailed(EndPoint server) => StorageMetrics.MongoWaitQueue.WithLabels(Server(server)).Dec();

    public static void CheckedIn(EndPoint server) => StorageMetrics.MongoConnectionsInUse.WithLabels(Server(server)).Dec();

    /// <summary>"host:port": the endpoint names a server, never credentials.</summary>
    public static string Server(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => ip.ToString(),
        _ => endPoint.ToString() ?? "unknown",
    };
}
