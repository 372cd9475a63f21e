using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BrainBuddy.Api.Tests.Infrastructure;

namespace BrainBuddy.Api.Tests.Knowledge;

public sealed class KnowledgeApiTests : IAsyncLifetime
{
    private readonly BrainBuddyApplication app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static JsonObject Entry(string title = "A new trial of alpha beats", double strength = 0.35) => new()
    {
        ["stimulus_type"] = "binaural_beats",
        ["stimulus_parameters"] = new JsonObject { ["beat_frequency"] = 10, ["carrier_frequency"] = 200 },
        ["outcome"] = "increased_focus",
        ["direction"] = "positive",
        ["evidence_strength"] = strength,
        ["design"] = "RCT",
        ["citations"] = new JsonArray(new JsonObject { ["title"] = title, ["authors"] = "Doe J", ["year"] = 2024, ["doi"] = "10.1234/" + title.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant() }),
    };

    [Fact]
    public async Task Should_seed_an_empty_store_and_rank_stimuli_for_an_outcome()
    {
        var user = await app.SignUpAsync();

        var rankings = await (await user.Http.GetAsync("/api/v1/knowledge/rankings?outcome=increased_focus&limit=5")).BodyAsync();
        var items = rankings["items"]!.AsArray();

        Assert.InRange(items.Count, 2, 5);
        Assert.Equal(items.Select(i => i!["score"]!.GetValue<double>()).OrderDescending(), items.Select(i => i!["score"]!.GetValue<double>()));
        Assert.All(items, item => Assert.NotEmpty(item!["citations"]!.AsArray()));
        Assert.NotNull(items[0]!["strongest"]!["evidence_strength"]);
    }

    [Theory]
    [InlineData("outcome=world_peace")]
    [InlineData("outcome=increased_focus&limit=0")]
    [InlineData("limit=5")]
    public async Task Should_reject_an_unknown_outcome_or_limit(string query)
    {
        var user = await app.SignUpAsync();

        var response = await user.Http.GetAsync($"/api/v1/knowledge/rankings?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Should_list_with_filters_and_read_one_finding()
    {
        var user = await app.SignUpAsync();

        var page = await (await user.Http.GetAsync("/api/v1/knowledge?outcome=improved_sleep&limit=2")).BodyAsync();
        var first = page["items"]!.AsArray()[0]!;
        var one = await user.Http.GetAsync($"/api/v1/knowledge/{first["id"]}");

        Assert.All(page["items"]!.AsArray(), item => Assert.Equal("improved_sleep", item!["outcome"]!.ToString()));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync("/api/v1/knowledge/not-an-id")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_every_write_route_to_a_plain_user()
    {
        var user = await app.SignUpAsync();
        var id = (await (await user.Http.GetAsync("/api/v1/knowledge?limit=1")).BodyAsync())["items"]![0]!["id"]!.ToString();
        var before = (await (await user.Http.GetAsync($"/api/v1/knowledge/{id}")).BodyAsync()).ToJsonString();

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.PostAsJsonAsync("/api/v1/knowledge", Entry())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.PutAsJsonAsync($"/api/v1/knowledge/{id}", Entry())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.DeleteAsync($"/api/v1/knowledge/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.PostAsJsonAsync("/api/v1/knowledge/import", new { entries = new[] { Entry() } })).StatusCode);
        Assert.Equal(before, (await (await user.Http.GetAsync($"/api/v1/knowledge/{id}")).BodyAsync()).ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/knowledge")).StatusCode);
    }

    [Theory]
    [InlineData("researcher")]
    [InlineData("admin")]
    public async Task Should_let_researchers_and_admins_create_replace_and_delete(string role)
    {
        var researcher = await app.SignUpAsync(role: role);

        var created = await researcher.Http.PostAsJsonAsync("/api/v1/knowledge", Entry());
        var url = created.Headers.Location!.ToString();
        var duplicate = await researcher.Http.PostAsJsonAsync("/api/v1/knowledge", Entry());
        var replaced = await (await researcher.Http.PutAsJsonAsync(url, Entry(strength: 0.4))).BodyAsync();
        var deleted = await researcher.Http.DeleteAsync(url);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(0.4, replaced["evidence_strength"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Should_name_the_bad_field_of_a_finding()
    {
        var researcher = await app.SignUpAsync(role: "researcher");
        var entry = Entry();
        entry["outcome"] = "telepathy";
        entry["citations"]![0]!["doi"] = "doi:nope";

        var response = await researcher.Http.PostAsJsonAsync("/api/v1/knowledge", entry);

        await response.ShouldNameFieldAsync("outcome");
        await response.ShouldNameFieldAsync("citations[0].doi");
    }

    [Fact]
    public async Task Should_import_a_file_once_and_change_nothing_the_second_time()
    {
        var researcher = await app.SignUpAsync(role: "researcher");
        var file = new JsonObject { ["entries"] = new JsonArray(Entry("First"), Entry("Second")) };

        var first = await (await researcher.Http.PostAsync("/api/v1/knowledge/import", Json.Raw(file.ToJsonString()))).BodyAsync();
        var second = await (await researcher.Http.PostAsync("/api/v1/knowledge/import", Json.Raw(file.ToJsonString()))).BodyAsync();

        Assert.Equal((2, 0), (first["added"]!.GetValue<int>(), first["rejected"]!.GetValue<int>()));
        Assert.Equal((0, 2), (second["added"]!.GetValue<int>(), second["unchanged"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Should_load_nothing_from_a_file_with_any_problem_and_report_each_one()
    {
        var researcher = await app.SignUpAsync(role: "researcher");
        var bad = Entry("Broken");
        bad["evidence_strength"] = 1.5;
        var good = new JsonObject { ["entries"] = new JsonArray(Entry("Fine")) };
        var mixed = new JsonObject { ["entries"] = new JsonArray(Entry("Also fine"), bad) };
        using var form = new MultipartFormDataContent
        {
            { new StringContent(good.ToJsonString()), "files", "good.json" },
            { new StringContent(mixed.ToJsonString()), "files", "mixed.json" },
        };

        var response = await researcher.Http.PostAsync("/api/v1/knowledge/import", form);
        var report = await response.BodyAsync();
        var all = await (await researcher.Http.GetAsync("/api/v1/knowledge?stimulus_type=binaural_beats&outcome=increased_focus&limit=100")).BodyAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal((1, 2), (report["added"]!.GetValue<int>(), report["rejected"]!.GetValue<int>()));
        var problem = Assert.Single(report["problems"]!.AsArray())!;
        Assert.Equal(("mixed.json", 1), (problem["file"]!.ToString(), problem["entry_index"]!.GetValue<int>()));
        Assert.DoesNotContain(all["items"]!.AsArray(), item => item!["citations"]![0]!["title"]!.ToString() == "Also fine");
    }
}
