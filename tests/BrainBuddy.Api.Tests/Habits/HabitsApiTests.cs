using System.Net;
using BrainBuddy.Api.Tests.Infrastructure;

namespace BrainBuddy.Api.Tests.Habits;

public sealed class HabitsApiTests : IAsyncLifetime
{
    private readonly BrainBuddyApplication app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static object Habit(string? id = null) => new
    {
        id,
        habit_type = "negative_loop",
        trigger = "phone on desk",
        routine = "scroll",
        reward = "novelty",
        interrupt_protocol = new { technique = "box breathing", duration = 90 },
    };

    [Fact]
    public async Task Should_create_list_change_and_delete_a_habit()
    {
        var user = await app.SignUpAsync();

        var created = await user.Http.PostAsJsonAsync("/api/v1/habits", Habit());
        var url = created.Headers.Location!.ToString();
        var changed = await (await user.Http.PatchAsJsonAsync(url, new { routine = "walk", habit_type = "positive_routine" })).BodyAsync();
        var list = await (await user.Http.GetAsync("/api/v1/habits?habit_type=positive_routine")).BodyAsync();
        var deleted = await user.Http.DeleteAsync(url);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("walk", "phone on desk", "positive_routine"), (changed["routine"]!.ToString(), changed["trigger"]!.ToString(), changed["habit_type"]!.ToString()));
        Assert.Single(list["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Should_store_a_retried_habit_once()
    {
        var user = await app.SignUpAsync();
        var id = MongoDB.Bson.ObjectId.GenerateNewId().ToString();

        var first = await user.Http.PostAsJsonAsync("/api/v1/habits", Habit(id));
        var retry = await user.Http.PostAsJsonAsync("/api/v1/habits", Habit(id));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Single((await (await user.Http.GetAsync("/api/v1/habits")).BodyAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Should_count_a_hundred_concurrent_attempts_exactly()
    {
        var user = await app.SignUpAsync();
        var url = (await user.Http.PostAsJsonAsync("/api/v1/habits", Habit())).Headers.Location!.ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => user.Http.PostAsJsonAsync($"{url}/attempts", new { success = i % 5 != 0 })));
        var habit = await (await user.Http.GetAsync(url)).BodyAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((100, 80, 0.8), (habit["attempt_count"]!.GetValue<int>(), habit["success_count"]!.GetValue<int>(), habit["success_rate"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Should_return_counts_and_streaks_after_each_attempt()
    {
        var user = await app.SignUpAsync();
        var url = (await user.Http.PostAsJsonAsync("/api/v1/habits", Habit())).Headers.Location!.ToString();

        var last = default(System.Text.Json.Nodes.JsonNode);
        foreach (var success in new[] { true, true, false, true })
        {
            last = await (await user.Http.PostAsJsonAsync($"{url}/attempts", new { success })).BodyAsync();
        }

        Assert.Equal(
            (3, 4, 0.75, 1, 2),
            (last!["success_count"]!.GetValue<int>(), last["attempt_count"]!.GetValue<int>(), last["success_rate"]!.GetValue<double>(), last["current_streak"]!.GetValue<int>(), last["best_streak"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("""{"trigger":"t","routine":"r","reward":"w"}""", "habit_type")]
    [InlineData("""{"habit_type":"bad_loop","trigger":"t","routine":"r","reward":"w"}""", "habit_type")]
    [InlineData("""{"habit_type":"negative_loop","routine":"r","reward":"w"}""", "trigger")]
    [InlineData("""{"habit_type":"negative_loop","trigger":"t","routine":"r","reward":"__LONG__"}""", "reward")]
    [InlineData("""{"habit_type":"negative_loop","trigger":"t","routine":"r","reward":"w","interrupt_protocol":{"technique":"x","duration":0}}""", "interrupt_protocol.duration")]
    [InlineData("""{"habit_type":"negative_loop","trigger":"t","routine":"r","reward":"w","interrupt_protocol":{"technique":"x","duration":5,"$inc":1}}""", "interrupt_protocol.$inc")]
    [InlineData("""{"habit_type":"negative_loop","trigger":"t","routine":"r","reward":"w","success_count":99}""", "success_count")]
    public async Task Should_reject_an_invalid_habit_naming_the_field(string json, string field)
    {
        var user = await app.SignUpAsync();

        await (await user.Http.PostAsync("/api/v1/habits", Json.Raw(json.Replace("__LONG__", new string('x', 501), StringComparison.Ordinal)))).ShouldNameFieldAsync(field);
    }

    [Fact]
    public async Task Should_require_success_and_a_sane_time_for_an_attempt()
    {
        var user = await app.SignUpAsync();
        var url = (await user.Http.PostAsJsonAsync("/api/v1/habits", Habit())).Headers.Location!.ToString();

        await (await user.Http.PostAsJsonAsync($"{url}/attempts", new { })).ShouldNameFieldAsync("success");
        await (await user.Http.PostAsJsonAsync($"{url}/attempts", new { success = true, at = "2999-01-01T00:00:00Z" })).ShouldNameFieldAsync("at");
        Assert.Equal(0, (await (await user.Http.GetAsync(url)).BodyAsync())["attempt_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_hide_and_protect_one_users_habit_from_another()
    {
        var owner = await app.SignUpAsync();
        var intruder = await app.SignUpAsync();
        var url = (await owner.Http.PostAsJsonAsync("/api/v1/habits", Habit())).Headers.Location!.ToString();
        var before = (await (await owner.Http.GetAsync(url)).BodyAsync()).ToJsonString();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.PatchAsJsonAsync(url, new { routine = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.PostAsJsonAsync($"{url}/attempts", new { success = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync("/api/v1/habits/not-an-id")).StatusCode);
        Assert.Empty((await (await intruder.Http.GetAsync("/api/v1/habits")).BodyAsync())["items"]!.AsArray());
        Assert.Equal(before, (await (await owner.Http.GetAsync(url)).BodyAsync()).ToJsonString());
    }
}
