using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Sessions;
using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Bench.Listing;

/// <summary>
/// One page of a session listing (20 items shaped like the API benchmark's) written as JSON: straight from the stored
/// BSON as the API does, and, for reference, the same bytes through System.Text.Json from deserialised sessions.
/// </summary>
[MemoryDiagnoser]
public class PageJsonBenchmark
{
    private readonly ArrayBufferWriter<byte> output = new(16 * 1024);
    private readonly JsonSerializerOptions apiJson = new(JsonSerializerDefaults.Web);
    private Page<StoredSession> page = null!;

    [GlobalSetup]
    public void Setup()
    {
        JsonSetup.Configure(apiJson);
        var at = new DateTime(2026, 12, 6, 22, 45, 2, 316, DateTimeKind.Utc);
        page = new Page<StoredSession>(
            [.. Enumerable.Range(0, 20).Select(i => new StoredSession(new TrainingSession
            {
                UserId = ObjectId.GenerateNewId().ToString(),
                ModuleType = ModuleType.Brainwave,
                BrainwaveTarget = BrainwaveTarget.Alpha,
                GeneratedContent = new BsonDocument { ["beat_frequency"] = 10.0, ["carrier_frequency"] = 200.0 },
                UserRating = 4,
                EffectivenessScore = 0.7,
                DurationSeconds = 600,
                Timestamp = at.AddSeconds(-i),
                CreatedAt = at.AddMilliseconds(1 - i),
                UpdatedAt = at.AddMilliseconds(1 - i),
            }.ToBson()))],
            "AAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    [Benchmark(Baseline = true)]
    public int FromBson()
    {
        output.ResetWrittenCount();
        SessionPageResult.Write(output, page);
        return output.WrittenCount;
    }

    [Benchmark]
    public int ThroughObjects()
    {
        output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, new SessionPage([.. page.Items.Select(item => SessionOutput.From(item.ToSession()))], page.NextCursor), apiJson);
        return output.WrittenCount;
    }
}
