using System.Net;
using BrainBuddy.Api.Operations;
using BrainBuddy.Api.Tests.Infrastructure;
using BrainBuddy.Training.Personalization.Models;
using BrainBuddy.Training.Personalization.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BrainBuddy.Api.Tests.Operations;

[Collection(GlobalMetricsTests.Name)]
public sealed class MetricsTests
{
    private static async Task<string> BodyOf(HttpContext context) => await new StreamReader(context.Response.Body).ReadToEndAsync();

    [Fact]
    public async Task Should_serve_metrics_to_loopback_and_to_admins_and_refuse_everyone_else()
    {
        await using var app = new BrainBuddyApplication();
        var user = await app.SignUpAsync();
        var admin = await app.SignUpAsync(role: "admin");
        await user.Http.GetAsync("/api/v1/sessions?limit=5");

        var loopback = await app.SendFromAsync("127.0.0.1", "GET", "/metrics");
        var stranger = await app.SendFromAsync("203.0.113.9", "GET", "/metrics");
        var strangerWithUserToken = await app.SendFromAsync("203.0.113.9", "GET", "/metrics", user.Tokens.AccessToken);
        var strangerWithAdminToken = await app.SendFromAsync("203.0.113.9", "GET", "/metrics", admin.Tokens.AccessToken);

        Assert.Equal(StatusCodes.Status200OK, loopback.Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, stranger.Response.StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, strangerWithUserToken.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, strangerWithAdminToken.Response.StatusCode);
        var text = await BodyOf(loopback);
        Assert.Contains("http_request_duration_seconds_count{code=\"200\",method=\"GET\"", text, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/api/v1/sessions/\"", text, StringComparison.Ordinal);
        Assert.Contains("brainbuddy_db_operation_duration_seconds_count{backend=\"embedded\",collection=\"sessions\",operation=\"list\"}", text, StringComparison.Ordinal);
        Assert.Contains("process_working_set_bytes", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_collection_count_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_serve_metrics_only_to_the_configured_networks_when_they_are_set()
    {
        await using var app = new BrainBuddyApplication(new() { ["Metrics:AllowedNetworks:0"] = "10.0.0.0/8" });

        Assert.Equal(StatusCodes.Status200OK, (await app.SendFromAsync("10.1.2.3", "GET", "/metrics")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await app.SendFromAsync("127.0.0.1", "GET", "/metrics")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await app.SendFromAsync("::ffff:10.9.9.9", "GET", "/metrics")).Response.StatusCode);
    }

    [Fact]
    public async Task Should_serve_metrics_to_anyone_in_development()
    {
        await using var app = new BrainBuddyApplication(environment: "Development");

        Assert.Equal(StatusCodes.Status200OK, (await app.SendFromAsync("203.0.113.9", "GET", "/metrics")).Response.StatusCode);
    }

    [Fact]
    public async Task Should_publish_model_cache_retraining_and_audio_counters()
    {
        var cache = new PersonalModelCache(new EffectivenessLearner(), capacity: 7);
        await using var app = new BrainBuddyApplication(services: services => services.AddSingleton(cache));
        cache.GetOrLoad("65f1a2b3c4d5e6f708192a3b", 1, () => null);
        TrainingMetrics.RunSucceeded("population", TimeSpan.FromSeconds(2), users: 40);
        TrainingMetrics.RunFailed("population", TimeSpan.FromSeconds(1));
        AudioMetrics.BytesRendered(4_096);

        var text = await BodyOf(await app.SendFromAsync("127.0.0.1", "GET", "/metrics"));

        Assert.Contains("brainbuddy_model_cache_capacity 7", text, StringComparison.Ordinal);
        Assert.Matches(@"brainbuddy_model_cache_misses_total [1-9]", text);
        Assert.Matches(@"brainbuddy_retrain_failures_total\{job=""population""\} [1-9]", text);
        Assert.Matches(@"brainbuddy_retrain_users_per_run_sum\{job=""population""\} [1-9]", text);
        Assert.Matches(@"brainbuddy_audio_bytes_rendered_total [1-9]", text);
    }
}
