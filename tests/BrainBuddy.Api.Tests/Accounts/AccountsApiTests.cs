using System.Net;
using System.Net.Http.Headers;
using BrainBuddy.Api.Tests.Infrastructure;

namespace BrainBuddy.Api.Tests.Accounts;

public sealed class AccountsApiTests : IAsyncLifetime
{
    private readonly BrainBuddyApplication app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Should_register_and_return_a_profile_without_secrets()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "  Ada@Example.com ", password = BrainBuddyApplication.Password, chronotype = "wolf" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/me", response.Headers.Location?.ToString());
        Assert.Contains("\"email\":\"ada@example.com\"", body, StringComparison.Ordinal);
        Assert.Contains("\"chronotype\":\"wolf\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("$2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_second_account_with_the_same_email_in_any_case()
    {
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "ada@example.com", password = BrainBuddyApplication.Password });

        var again = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "ADA@example.com", password = BrainBuddyApplication.Password });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","password":"correct horse battery"}""", "email")]
    [InlineData("""{"email":"a@example.com","password":"short"}""", "password")]
    [InlineData("""{"email":"a@example.com"}""", "password")]
    [InlineData("""{"email":"a@example.com","password":"correct horse battery","chronotype":"owl"}""", "chronotype")]
    [InlineData("""{"email":"a@example.com","password":"correct horse battery","is_admin":true}""", "is_admin")]
    public async Task Should_name_the_field_when_registration_input_is_invalid(string json, string field)
    {
        var response = await app.CreateClient().PostAsync("/api/v1/auth/register", Json.Raw(json));

        await response.ShouldNameFieldAsync(field);
    }

    [Fact]
    public async Task Should_answer_the_same_401_for_a_wrong_password_and_an_unknown_email()
    {
        var user = await app.SignUpAsync();
        var client = app.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password here" });
        var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "wrong password here" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal((await wrongPassword.BodyAsync())["detail"]!.ToString(), (await unknownEmail.BodyAsync())["detail"]!.ToString());
        Assert.Equal("application/problem+json", unknownEmail.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_issue_bearer_tokens_that_open_the_profile()
    {
        var user = await app.SignUpAsync();

        var me = await user.Http.GetAsync("/api/v1/me");
        var body = await me.BodyAsync();

        Assert.Equal(("Bearer", 900), (user.Tokens.TokenType, user.Tokens.ExpiresIn));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.UserId, body["user_id"]!.ToString());
        Assert.Null(body["hashed_password"]);
    }

    /// <summary>One person signing in on several devices at once, or an app retrying a slow sign-in.</summary>
    [Fact]
    public async Task Should_sign_in_every_one_of_many_concurrent_sign_ins_to_one_account()
    {
        var user = await app.SignUpAsync();
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = BrainBuddyApplication.Password })));
        var tokens = await Task.WhenAll(responses.Select(response => response.Content.ReadFromJsonAsync<TokenBody>()));
        var opened = await Task.WhenAll(tokens.Select(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken) } };
            return (await client.SendAsync(request)).StatusCode;
        }));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        // Every sign-in is a device; the account keeps the ten newest (MaxDevices) and no sign-in is lost in between.
        Assert.Equal(10, opened.Count(status => status == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Should_lock_the_account_after_repeated_failures()
    {
        var user = await app.SignUpAsync();
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password here" });
        }

        var rightPassword = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = BrainBuddyApplication.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, rightPassword.StatusCode);
    }

    [Fact]
    public async Task Should_rotate_refresh_tokens_and_revoke_the_family_when_one_is_reused()
    {
        var user = await app.SignUpAsync();
        var client = app.CreateClient();

        var first = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.Tokens.RefreshToken });
        var rotated = (await first.Content.ReadFromJsonAsync<TokenBody>())!;
        var reused = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.Tokens.RefreshToken });
        var afterReuse = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = rotated.RefreshToken });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rotated.AccessToken);
        var accessAfterReuse = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(user.Tokens.RefreshToken, rotated.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, accessAfterReuse.StatusCode);
    }

    [Fact]
    public async Task Should_stop_the_access_and_refresh_token_at_once_on_logout()
    {
        var user = await app.SignUpAsync();
        var otherDevice = await BrainBuddyApplication.LoginAsync(app.CreateClient(), user.Email);

        var logout = await user.Http.PostAsync("/api/v1/auth/logout", null);
        var access = await user.Http.GetAsync("/api/v1/me");
        var refresh = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.Tokens.RefreshToken });
        var other = app.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherDevice.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, access.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Should_sign_out_every_device_when_asked()
    {
        var user = await app.SignUpAsync();
        var otherDevice = await BrainBuddyApplication.LoginAsync(app.CreateClient(), user.Email);

        await user.Http.PostAsJsonAsync("/api/v1/auth/logout", new { all_devices = true });
        var other = app.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherDevice.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Should_reject_an_expired_access_token()
    {
        var user = await app.SignUpAsync();
        app.Clock.Offset = TimeSpan.FromMinutes(-20);
        var stale = await BrainBuddyApplication.LoginAsync(app.CreateClient(), user.Email);
        app.Clock.Offset = TimeSpan.Zero;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stale.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Should_reject_a_token_that_expires_after_it_was_accepted()
    {
        var user = await app.SignUpAsync();
        var accepted = await user.Http.GetAsync("/api/v1/me");

        app.Clock.Offset = TimeSpan.FromMinutes(16);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Should_reject_an_altered_copy_of_an_accepted_token()
    {
        var user = await app.SignUpAsync();
        var accepted = await user.Http.GetAsync("/api/v1/me");
        var token = user.Tokens.AccessToken;
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1]);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Should_challenge_with_the_bearer_scheme_and_say_when_a_sent_token_was_refused()
    {
        var user = await app.SignUpAsync();
        var lowercase = app.CreateClient();
        lowercase.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + user.Tokens.AccessToken);
        var refused = app.CreateClient();
        refused.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var withoutToken = await app.CreateClient().GetAsync("/api/v1/me");
        var withBadToken = await refused.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, (await lowercase.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "Bearer"), (withoutToken.StatusCode, withoutToken.Headers.WwwAuthenticate.ToString()));
        Assert.Equal((HttpStatusCode.Unauthorized, "Bearer error=\"invalid_token\""), (withBadToken.StatusCode, withBadToken.Headers.WwwAuthenticate.ToString()));
    }

    [Fact]
    public async Task Should_change_chronotype_and_merge_privacy_settings()
    {
        var user = await app.SignUpAsync();

        await user.Http.PatchAsJsonAsync("/api/v1/me", new { privacy_settings = new { personalization = false } });
        var response = await user.Http.PatchAsJsonAsync("/api/v1/me", new { chronotype = "lion", privacy_settings = new { population_training = true } });
        var body = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("lion", body["chronotype"]!.ToString());
        Assert.False(body["privacy_settings"]!["personalization"]!.GetValue<bool>());
        Assert.True(body["privacy_settings"]!["population_training"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_apply_every_one_of_many_concurrent_profile_changes()
    {
        var user = await app.SignUpAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            user.Http.PatchAsync("/api/v1/me", Json.Raw($$$"""{"privacy_settings":{"setting_{{{i}}}":true}}"""))));
        var settings = (await (await user.Http.GetAsync("/api/v1/me")).BodyAsync())["privacy_settings"]!.AsObject();

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.All(Enumerable.Range(0, 16), i => Assert.True(settings[$"setting_{i}"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("""{"privacy_settings":{"$where":"1"}}""", "privacy_settings.$where")]
    [InlineData("""{"privacy_settings":{"a.b":true}}""", "privacy_settings.a.b")]
    [InlineData("""{"privacy_settings":{"personalization":"no"}}""", "privacy_settings.personalization")]
    [InlineData("""{"privacy_settings":[1]}""", "privacy_settings")]
    [InlineData("""{"email":"x@example.com"}""", "email")]
    public async Task Should_refuse_profile_changes_that_could_become_operators_or_are_unknown(string json, string field)
    {
        var user = await app.SignUpAsync();

        var response = await user.Http.PatchAsync("/api/v1/me", Json.Raw(json));

        await response.ShouldNameFieldAsync(field);
        Assert.Equal("{}", (await (await user.Http.GetAsync("/api/v1/me")).BodyAsync())["privacy_settings"]!.ToJsonString());
    }
}
