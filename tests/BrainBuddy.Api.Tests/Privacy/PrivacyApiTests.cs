using System.Net;
using System.Text.Json.Nodes;
using BrainBuddy.Api.Tests.Infrastructure;
using BrainBuddy.Data;
using BrainBuddy.Data.Audit;
using BrainBuddy.Data.UserModels;
using Microsoft.Extensions.DependencyInjection;

namespace BrainBuddy.Api.Tests.Privacy;

public sealed class PrivacyApiTests : IAsyncLifetime
{
    private const string Session = """{"module_type":"brainwave","brainwave_target":"alpha","generated_content":{"beat_frequency":10,"carrier_frequency":200},"duration_seconds":600,"user_rating":4}""";
    private const string Habit = """{"habit_type":"negative_loop","trigger":"phone at night","routine":"scroll","reward":"novelty"}""";

    private readonly BrainBuddyApplication app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Should_export_all_of_the_callers_data_and_nothing_of_anyone_else_or_any_secret()
    {
        var (me, other) = (await app.SignUpAsync(), await app.SignUpAsync());
        foreach (var user in new[] { me, other })
        {
            await user.Http.PostAsync("/api/v1/sessions", Json.Raw(Session));
            await user.Http.PostAsync("/api/v1/habits", Json.Raw(Habit));
        }

        await me.Http.PostAsync("/api/v1/sessions", Json.Raw(Session));
        await app.Services.GetRequiredService<IUserModelRepository>().TryWriteAsync(
            new UserModel { UserId = me.UserId, ModelWeights = [9, 9, 9], KeyId = "k1", TrainingSteps = 12, Phase = ModelPhase.Adaptive, LastUpdated = DateTime.UtcNow }, 0);

        var response = await me.Http.GetAsync("/api/v1/me/export");
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(me.UserId, export["profile"]!["user_id"]!.ToString());
        Assert.Equal(me.Email, export["profile"]!["email"]!.ToString());
        Assert.Equal(2, export["sessions"]!.AsArray().Count);
        Assert.Single(export["habits"]!.AsArray());
        Assert.Equal(12, export["model"]!["training_steps"]!.GetValue<int>());
        Assert.Equal("adaptive", export["model"]!["phase"]!.ToString());
        Assert.DoesNotContain(other.UserId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Email, text, StringComparison.Ordinal);
        foreach (var secret in new[] { "hashed_password", "password", "refresh", "security_stamp", "concurrency_stamp", "model_weights", "key_id", "$2" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await app.Services.GetRequiredService<IAuditRepository>().ListAsync(new AuditQuery(AuditActions.DataExported, me.UserId));
        Assert.Equal(me.UserId, Assert.Single(audit.Items).Target);
    }

    [Fact]
    public async Task Should_erase_the_account_so_its_token_and_password_stop_working_and_leave_others_untouched()
    {
        var (me, other) = (await app.SignUpAsync(), await app.SignUpAsync());
        await me.Http.PostAsync("/api/v1/sessions", Json.Raw(Session));
        await other.Http.PostAsync("/api/v1/sessions", Json.Raw(Session));
        await other.Http.PostAsync("/api/v1/habits", Json.Raw(Habit));
        Assert.Equal(HttpStatusCode.OK, (await me.Http.GetAsync("/api/v1/me")).StatusCode); // warms the token check's cache

        var erased = await me.Http.DeleteAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await me.Http.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await me.Http.GetAsync("/api/v1/sessions")).StatusCode);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = me.Email, password = BrainBuddyApplication.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var refresh = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = me.Tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);

        Assert.Single((await (await other.Http.GetAsync("/api/v1/sessions")).BodyAsync())["items"]!.AsArray());
        Assert.Single((await (await other.Http.GetAsync("/api/v1/habits")).BodyAsync())["items"]!.AsArray());
        var audit = await app.Services.GetRequiredService<IAuditRepository>().ListAsync(new AuditQuery(AuditActions.AccountErased));
        Assert.Equal(me.UserId, Assert.Single(audit.Items).Actor);
    }
}
