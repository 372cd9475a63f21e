using System.Net;
using BrainBuddy.Api.Personalization;
using BrainBuddy.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BrainBuddy.Api.Tests.Personalization;

[Collection(Operations.GlobalMetricsTests.Name)]
public sealed class PersonalizationApiTests : IAsyncLifetime
{
    private static readonly string[] Targets = ["delta", "theta", "alpha", "beta", "gamma"];
    private static readonly int[] Hours = [7, 10, 13, 16, 19];

    private readonly BrainBuddyApplication app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>A user whose hidden truth is: alpha in the evening works (0.85), everything else is mediocre (0.35).</summary>
    private static Task RecordEveningAlphaLoverAsync(UserClient user, int sessions, int seed) => RecordAsync(user, sessions, seed, "alpha", 19);

    /// <summary>A user for whom only <paramref name="favourite"/> at <paramref name="favouriteHour"/> works.</summary>
    private static async Task RecordAsync(UserClient user, int sessions, int seed, string favourite, int favouriteHour)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, sessions).Select(i =>
        {
            var target = Targets[i % Targets.Length];
            var hour = Hours[(i / Targets.Length) % Hours.Length];
            var truth = target == favourite && hour == favouriteHour ? 0.85 : 0.35;
            return new
            {
                module_type = "brainwave",
                brainwave_target = target,
                generated_content = new { beat_frequency = target switch { "delta" => 2, "theta" => 6, "alpha" => 10, "beta" => 18, _ => 40 }, carrier_frequency = 250 },
                effectiveness_score = Math.Clamp(truth + ((random.NextDouble() - 0.5) * 0.1), 0, 1),
                timestamp = DateTime.UtcNow.Date.AddDays(-1 - (i / 3)).AddHours(hour),
                duration_seconds = 900,
            };
        }).ToArray();
        var response = await user.Http.PostAsJsonAsync("/api/v1/sessions/batch", new { sessions = items });
        response.EnsureSuccessStatusCode();
    }

    private async Task RunRetrainJobAsync()
    {
        var jobs = app.Services.GetRequiredService<RetrainJobs>();
        await jobs.RetrainAllAsync(TestContext.Current.CancellationToken);
        foreach (var userId in await jobs.DueUsersAsync(TestContext.Current.CancellationToken))
        {
            await jobs.RetrainUserAsync(userId, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Should_recommend_from_evidence_on_day_one_with_one_exploration_option()
    {
        var user = await app.SignUpAsync();

        var response = await user.Http.GetAsync("/api/v1/recommendations?module_type=brainwave&outcome=increased_focus&limit=5");
        var body = await response.BodyAsync();
        var items = body["items"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("developmental", body["phase"]!.ToString());
        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.Equal("evidence", item!["source"]!.ToString()));
        Assert.Single(items, item => item!["exploration"]!.GetValue<bool>());
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item!["explanation"]!.ToString())));
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync(items[0]!["audio_url"]!.ToString())).StatusCode);
    }

    [Theory]
    [InlineData("module_type=movers", "module_type")]
    [InlineData("outcome=telepathy", "outcome")]
    [InlineData("limit=50", "limit")]
    public async Task Should_reject_bad_recommendation_queries(string query, string field)
    {
        var user = await app.SignUpAsync();

        await (await user.Http.GetAsync($"/api/v1/recommendations?{query}")).ShouldNameFieldAsync(field);
    }

    [Fact]
    public async Task Should_become_adaptive_and_recommend_the_hidden_preference_after_enough_sessions()
    {
        // The population prefers theta in the morning, so only a personal model can find this user's evening alpha.
        for (var seed = 0; seed < 4; seed++)
        {
            await RecordAsync(await app.SignUpAsync(), 75, seed, "theta", 7);
        }

        var user = await app.SignUpAsync();
        // Kept out of the population, so the level it must beat is a population trained without it.
        await user.Http.PatchAsJsonAsync("/api/v1/me", new { privacy_settings = new { population_training = false } });
        await RecordEveningAlphaLoverAsync(user, 150, seed: 42);

        await RunRetrainJobAsync();
        var model = await (await user.Http.GetAsync("/api/v1/me/model")).BodyAsync();
        var recommendations = await (await user.Http.GetAsync("/api/v1/recommendations?limit=5")).BodyAsync();
        var best = recommendations["items"]!.AsArray().First(item => !item!["exploration"]!.GetValue<bool>())!;

        Assert.Equal(("adaptive", 1), (model["phase"]!.ToString(), model["training_steps"]!.GetValue<int>()));
        Assert.True(model["held_out_error"]!.GetValue<double>() < model["baseline_held_out_error"]!.GetValue<double>());
        Assert.Equal(("alpha", "evening", "personal"), (best["brainwave_target"]!.ToString(), best["time_of_day"]!.ToString(), best["source"]!.ToString()));
    }

    [Fact]
    public async Task Should_change_nothing_when_the_retrain_runs_again_without_new_sessions()
    {
        var user = await app.SignUpAsync();
        await RecordEveningAlphaLoverAsync(user, 30, seed: 1);
        await RunRetrainJobAsync();
        var first = await (await user.Http.GetAsync("/api/v1/me/model")).BodyAsync();

        await RunRetrainJobAsync();
        var second = await (await user.Http.GetAsync("/api/v1/me/model")).BodyAsync();

        Assert.Equal(1, first["training_steps"]!.GetValue<int>());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Empty(await app.Services.GetRequiredService<RetrainJobs>().DueUsersAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_queue_a_retrain_and_train_when_the_job_runs()
    {
        var user = await app.SignUpAsync();
        await RecordEveningAlphaLoverAsync(user, 25, seed: 3);

        var accepted = await user.Http.PostAsync("/api/v1/me/model/retrain", null);
        var before = await (await user.Http.GetAsync("/api/v1/me/model")).BodyAsync();
        await app.Services.GetRequiredService<RetrainJobs>().RetrainUserAsync(user.UserId, TestContext.Current.CancellationToken);
        var after = await (await user.Http.GetAsync("/api/v1/me/model")).BodyAsync();

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(0, before["training_steps"]!.GetValue<int>());
        Assert.Equal((1, 25), (after["training_steps"]!.GetValue<int>(), after["labelled_session_count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Should_delete_the_model_and_stop_personalising_when_the_user_opts_out()
    {
        var user = await app.SignUpAsync();
        await RecordEveningAlphaLoverAsync(user, 30, seed: 5);
        await RunRetrainJobAsync();

        await user.Http.PatchAsJsonAsync("/api/v1/me", new { privacy_settings = new { personalization = false } });
        var model = await (await user.Http.GetAsync("/api/v1/me/model")).BodyAsync();
        await RunRetrainJobAsync();
        var recommendations = await (await user.Http.GetAsync("/api/v1/recommendations")).BodyAsync();

        Assert.Equal((0, false), (model["training_steps"]!.GetValue<int>(), model["personalization_enabled"]!.GetValue<bool>()));
        Assert.Equal(0, (await (await user.Http.GetAsync("/api/v1/me/model")).BodyAsync())["training_steps"]!.GetValue<int>());
        Assert.DoesNotContain(recommendations["items"]!.AsArray(), item => item!["source"]!.ToString() == "personal");
    }
}
