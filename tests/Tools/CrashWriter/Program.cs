// Writes sessions to an embedded store from several tasks and prints the id of each write the store
// acknowledged, until it is killed. The durability test kills it with SIGKILL and checks every printed id.
using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage.Embedded;

var storage = EmbeddedStorage.Open(args[0]);
var userId = MongoDB.Bson.ObjectId.GenerateNewId().ToString();
var output = Console.Out;
var gate = new Lock();

await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var session = new TrainingSession { UserId = userId, ModuleType = ModuleType.Movers, Timestamp = DateTime.UtcNow, DurationSeconds = 60 };
        await storage.Sessions.InsertAsync(session);
        lock (gate)
        {
            output.WriteLine($"{userId} {session.Id}");
            output.Flush();
        }
    }
})));
