using System.Net;
using BrainBuddy.Api.Tests.Infrastructure;

namespace BrainBuddy.Api.Tests.Sessions;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Should_answer_429_with_retry_after_when_a_user_writes_too_fast()
    {
        await using var app = new BrainBuddyApplication(new() { ["RateLimits:UserWritesPerMinute"] = "3" });
        var user = await app.SignUpAsync();
        var other = await app.SignUpAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5; i++)
        {
            limited = await user.Http.PostAsJsonAsync("/api/v1/sessions", new { module_type = "movers", duration_seconds = 60 });
            statuses.Add(limited.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, (await other.Http.PostAsJsonAsync("/api/v1/sessions", new { module_type = "movers", duration_seconds = 60 })).StatusCode);
    }

    [Fact]
    public async Task Should_limit_sign_in_attempts_per_client_address()
    {
        await using var app = new BrainBuddyApplication(new() { ["RateLimits:AuthPermitsPerMinute"] = "2" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "a@example.com", password = "whatever it is" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
