using System.Net;
using System.Text.Json.Nodes;
using BrainBuddy.Api.Tests.Infrastructure;
using FsCheck.Fluent;

namespace BrainBuddy.Api.Tests.Fuzz;

/// <summary>
/// Generated and mutated JSON thrown at every write endpoint: no request may get a 500, and afterwards everything
/// the API hands back must still satisfy the schema (ranges, enums, required fields, safe keys).
/// </summary>
public sealed class WriteEndpointFuzzTests : IAsyncLifetime
{
    private const int CasesPerEndpoint = 120;

    private static readonly JsonObject Session = JsonNode.Parse("""
        {"module_type":"brainwave","brainwave_target":"alpha","generated_content":{"beat_frequency":10,"carrier_frequency":200},
         "duration_seconds":600,"user_rating":4,"effectiveness_score":0.7,"timestamp":"2026-01-05T08:00:00Z"}
        """)!.AsObject();

    private static readonly JsonObject Habit = JsonNode.Parse("""
        {"habit_type":"negative_loop","trigger":"phone at night","routine":"scroll","reward":"novelty","interrupt_protocol":{"technique":"breathe","duration":120}}
        """)!.AsObject();

    private static readonly JsonObject Knowledge = JsonNode.Parse("""
        {"stimulus_type":"binaural_beats","stimulus_parameters":{"beat_frequency":10,"carrier_frequency":200},"outcome":"increased_focus",
         "direction":"positive","evidence_strength":0.35,"design":"RCT","citations":[{"title":"A trial","authors":"Doe J","year":2024,"doi":"10.1234/x"}]}
        """)!.AsObject();

    private static readonly HashSet<string> ModuleTypes = ["movers", "pfc_gym", "mental_rehearsal", "brainwave"];
    private static readonly HashSet<string> Targets = ["delta", "theta", "alpha", "beta", "gamma"];

    private readonly BrainBuddyApplication app = new();
    private readonly List<string> failures = [];
    private readonly Dictionary<string, int> accepted = new(StringComparer.Ordinal);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Should_never_fail_with_a_500_nor_store_anything_outside_the_schema()
    {
        var user = await app.SignUpAsync();
        var researcher = await app.SignUpAsync(role: "researcher");
        var session = (await (await user.Http.PostAsync("/api/v1/sessions", Json.Raw(Session.ToJsonString()))).BodyAsync())["id"]!.ToString();
        var habit = (await (await user.Http.PostAsync("/api/v1/habits", Json.Raw(Habit.ToJsonString()))).BodyAsync())["id"]!.ToString();
        var batch = new JsonObject { ["sessions"] = new JsonArray(Session.DeepClone(), Session.DeepClone()) };

        await ThrowAsync(user.Http, HttpMethod.Post, "/api/v1/sessions", JsonMutations.Body(Session));
        await ThrowAsync(user.Http, HttpMethod.Post, "/api/v1/sessions/batch", JsonMutations.Body(batch).Select(Batched));
        await ThrowAsync(user.Http, HttpMethod.Patch, $"/api/v1/sessions/{session}", JsonMutations.Body(new JsonObject { ["user_rating"] = 3, ["effectiveness_score"] = 0.5 }));
        await ThrowAsync(user.Http, HttpMethod.Post, "/api/v1/habits", JsonMutations.Body(Habit));
        await ThrowAsync(user.Http, HttpMethod.Patch, $"/api/v1/habits/{habit}", JsonMutations.Body(Habit));
        await ThrowAsync(user.Http, HttpMethod.Post, $"/api/v1/habits/{habit}/attempts", JsonMutations.Body(new JsonObject { ["success"] = true, ["at"] = "2026-01-05T08:00:00Z" }));
        await ThrowAsync(user.Http, HttpMethod.Patch, "/api/v1/me", JsonMutations.Body(new JsonObject { ["chronotype"] = "wolf", ["privacy_settings"] = new JsonObject { ["personalization"] = false } }));
        await ThrowAsync(researcher.Http, HttpMethod.Post, "/api/v1/knowledge", JsonMutations.Body(Knowledge));

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", accepted.Select(a => $"{a.Key}: {a.Value} of {CasesPerEndpoint} accepted")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        await CheckStoredSessionsAsync(user.Http);
        await CheckStoredHabitsAsync(user.Http);
        await CheckProfileAsync(user.Http);
        await CheckKnowledgeAsync(researcher.Http);
    }

    /// <summary>Half the time, the generated body becomes one item of an otherwise valid batch.</summary>
    private static string Batched(string body) =>
        body.Length % 2 == 0 && TryParse(body) is JsonNode item
            ? new JsonObject { ["sessions"] = new JsonArray(Session.DeepClone(), item) }.ToJsonString()
            : body;

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task ThrowAsync(HttpClient client, HttpMethod method, string path, FsCheck.Gen<string> bodies)
    {
        foreach (var body in Gen.Sample(bodies, CasesPerEndpoint, 8))
        {
            using var request = new HttpRequestMessage(method, path) { Content = Json.Raw(body) };
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{method} {path} -> {(int)response.StatusCode}: {body}");
            }

            accepted[$"{method} {path}"] = accepted.GetValueOrDefault($"{method} {path}") + (response.IsSuccessStatusCode ? 1 : 0);
        }
    }

    private static async Task<List<JsonNode>> AllAsync(HttpClient client, string path)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"{path}?limit=100{(cursor is null ? "" : "&cursor=" + cursor)}")).BodyAsync();
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["next_cursor"]?.ToString();
        }
        while (cursor is not null);

        return items;
    }

    private static async Task CheckStoredSessionsAsync(HttpClient client)
    {
        var sessions = await AllAsync(client, "/api/v1/sessions");
        Assert.True(sessions.Count > 2, "some generated sessions should have been valid and stored");
        Assert.All(sessions, s =>
        {
            var module = s["module_type"]!.ToString();
            Assert.Contains(module, ModuleTypes);
            Assert.Equal(module == "brainwave", s["brainwave_target"] is not null);
            Assert.True(s["brainwave_target"] is null || Targets.Contains(s["brainwave_target"]!.ToString()));
            Assert.InRange(s["duration_seconds"]!.GetValue<int>(), 1, 14_400);
            Assert.True(s["user_rating"] is null || s["user_rating"]!.GetValue<int>() is >= 1 and <= 5);
            Assert.True(s["effectiveness_score"] is null || s["effectiveness_score"]!.GetValue<double>() is >= 0 and <= 1);
            Assert.True(s["timestamp"]!.GetValue<DateTime>() >= new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            if (s["generated_content"] is JsonObject content)
            {
                AssertSafeKeys(content);
                AssertRange(content, "beat_frequency", 0.5, 100);
                AssertRange(content, "frequency", 0.5, 100);
                AssertRange(content, "carrier_frequency", 20, 1500);
            }
        });
    }

    private static async Task CheckStoredHabitsAsync(HttpClient client)
    {
        var habits = await AllAsync(client, "/api/v1/habits");
        Assert.NotEmpty(habits);
        Assert.All(habits, h =>
        {
            Assert.Contains(h["habit_type"]!.ToString(), new[] { "negative_loop", "positive_routine" });
            foreach (var field in new[] { "trigger", "routine", "reward" })
            {
                Assert.InRange(h[field]!.ToString().Trim().Length, 1, 500);
            }

            if (h["interrupt_protocol"] is JsonObject protocol)
            {
                Assert.InRange(protocol["technique"]!.ToString().Trim().Length, 1, 200);
                Assert.InRange(protocol["duration"]!.GetValue<int>(), 1, 3600);
            }

            var (successes, attempts) = (h["success_count"]!.GetValue<int>(), h["attempt_count"]!.GetValue<int>());
            Assert.InRange(successes, 0, attempts);
            Assert.InRange(h["current_streak"]!.GetValue<int>(), 0, h["best_streak"]!.GetValue<int>());
            Assert.InRange(h["best_streak"]!.GetValue<int>(), 0, successes);
        });
    }

    private static async Task CheckProfileAsync(HttpClient client)
    {
        var profile = await (await client.GetAsync("/api/v1/me")).BodyAsync();
        Assert.True(profile["chronotype"] is null || new[] { "lion", "bear", "wolf", "dolphin" }.Contains(profile["chronotype"]!.ToString()));
        var privacy = profile["privacy_settings"]!.AsObject();
        AssertSafeKeys(privacy);
        foreach (var key in new[] { "personalization", "population_training" })
        {
            Assert.True(privacy[key] is null || privacy[key]!.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False);
        }
    }

    private static async Task CheckKnowledgeAsync(HttpClient client)
    {
        var entries = await AllAsync(client, "/api/v1/knowledge");
        Assert.All(entries, e =>
        {
            Assert.InRange(e["evidence_strength"]!.GetValue<double>(), 0, 1);
            Assert.False(string.IsNullOrWhiteSpace(e["stimulus_type"]!.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(e["outcome"]!.ToString()));
            Assert.NotEmpty(e["citations"]!.AsArray());
            AssertSafeKeys(e["stimulus_parameters"]!.AsObject());
        });
    }

    private static void AssertRange(JsonObject content, string key, double min, double max)
    {
        if (content[key] is JsonValue value && value.TryGetValue<double>(out var number))
        {
            Assert.InRange(number, min, max);
        }
    }

    private static void AssertSafeKeys(JsonObject node)
    {
        foreach (var (key, value) in node)
        {
            Assert.False(key.Length == 0 || key.StartsWith('$') || key.Contains('.', StringComparison.Ordinal), $"unsafe key '{key}'");
            if (value is JsonObject child)
            {
                AssertSafeKeys(child);
            }
            else if (value is JsonArray array)
            {
                foreach (var item in array.OfType<JsonObject>())
                {
                    AssertSafeKeys(item);
                }
            }
        }
    }
}
