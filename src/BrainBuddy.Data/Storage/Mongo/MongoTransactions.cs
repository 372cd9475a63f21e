using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;

namespace BrainBuddy.Data.Storage.Mongo;

/// <summary>
/// Runs multi-document work in a transaction when the deployment supports one (replica set, sharded cluster,
/// Atlas). A standalone server has no transactions: the work then runs in a plain session, in order.
/// </summary>
internal sealed class MongoTransactions(IMongoClient client)
{
    public async Task<T> RunAsync<T>(Func<IClientSessionHandle, Task<T>> work, CancellationToken cancellationToken)
    {
        if (client.Cluster.Description.Type == ClusterType.Unknown)
        {
            // The deployment type is known only after a first round trip.
            await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        }

        using var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
        if (!SupportsTransactions(client.Cluster.Description.Type))
        {
            return await work(session);
        }

        // WithTransactionAsync retries on transient transaction errors and unknown commit results.
        return await session.WithTransactionAsync((s, ct) => work(s), cancellationToken: cancellationToken);
    }

    internal static bool SupportsTransactions(ClusterType type) =>
        type is ClusterType.ReplicaSet or ClusterType.Sharded or ClusterType.LoadBalanced;
}
