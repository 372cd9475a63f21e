using System.Buffers;
using System.Text;
using System.Text.Json;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Sessions;
using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Api.Tests.Sessions;

/// <summary>The listing writes JSON from stored bytes; it must be exactly what the DTOs serialise to.</summary>
public sealed class SessionPageResultTests
{
    private static readonly JsonSerializerOptions ApiJson = CreateApiJson();

    public static TheoryData<string> Cases => [.. Sessions().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_write_the_same_json_as_the_session_dtos(string name)
    {
        var session = Sessions()[name];
        var page = new Page<StoredSession>([new StoredSession(session.ToBson())], "cursor-1");

        var expected = JsonSerializer.Serialize(new SessionPage([SessionOutput.From(session)], "cursor-1"), ApiJson);

        Assert.Equal(expected, Written(page));
    }

    [Fact]
    public void Should_write_many_items_and_a_null_cursor_on_the_last_page()
    {
        var sessions = Sessions().Values.ToList();
        var page = new Page<StoredSession>([.. sessions.Select(s => new StoredSession(s.ToBson()))], null);

        var expected = JsonSerializer.Serialize(new SessionPage([.. sessions.Select(SessionOutput.From)], null), ApiJson);

        Assert.Equal(expected, Written(page));
    }

    [Fact]
    public void Should_refuse_bytes_that_are_not_a_stored_session()
    {
        var notASession = new BsonDocument { ["name"] = "x" }.ToBson();

        Assert.Throws<InvalidDataException>(() => Written(new Page<StoredSession>([new StoredSession(notASession)], null)));
    }

    private static string Written(Page<StoredSession> page)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SessionPageResult.Write(buffer, page);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonSerializerOptions CreateApiJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }

    private static Dictionary<string, TrainingSession> Sessions()
    {
        var at = new DateTime(2026, 11, 23, 5, 6, 7, 891, DateTimeKind.Utc);
        return new()
        {
            ["every field"] = new TrainingSession
            {
                UserId = "65f1a2b3c4d5e6f708192a3b",
                ModuleType = ModuleType.Brainwave,
                BrainwaveTarget = BrainwaveTarget.Alpha,
                GeneratedContent = new BsonDocument { ["beat_frequency"] = 10, ["carrier_frequency"] = 200.5 },
                UserRating = 4,
                EffectivenessScore = 0.7,
                Timestamp = at,
                DurationSeconds = 600,
                CreatedAt = at.AddSeconds(1),
                UpdatedAt = at.AddMinutes(3),
            },
            ["only required fields"] = new TrainingSession
            {
                UserId = "65f1a2b3c4d5e6f708192a3b",
                ModuleType = ModuleType.PfcGym,
                Timestamp = at.AddDays(-400),
                DurationSeconds = 1,
                CreatedAt = at,
                UpdatedAt = at,
            },
            ["nested content with every json type"] = new TrainingSession
            {
                UserId = "65f1a2b3c4d5e6f708192a3b",
                ModuleType = ModuleType.MentalRehearsal,
                GeneratedContent = new BsonDocument
                {
                    ["script"] = "Café <b>&</b> 'quotes' \"double\" \\ \n tab\t 🧠",
                    ["steps"] = new BsonArray { 1, 2.25, long.MaxValue, true, false, BsonNull.Value, "x", new BsonDocument { ["deep"] = new BsonArray() } },
                    ["ratio"] = 1e-7,
                    ["big"] = 12345678901234L,
                    ["empty"] = new BsonDocument(),
                },
                UserRating = 1,
                EffectivenessScore = 0,
                Timestamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                DurationSeconds = 14_400,
                CreatedAt = at,
                UpdatedAt = at,
            },
            ["score without rating"] = new TrainingSession
            {
                UserId = "65f1a2b3c4d5e6f708192a3b",
                ModuleType = ModuleType.Movers,
                EffectivenessScore = 1,
                Timestamp = at,
                DurationSeconds = 90,
                CreatedAt = at,
                UpdatedAt = at,
            },
        };
    }
}
