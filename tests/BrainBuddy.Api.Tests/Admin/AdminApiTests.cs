using System.Net;
using System.Text.Json.Nodes;
using BrainBuddy.Api.Tests.Infrastructure;
using BrainBuddy.Data.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BrainBuddy.Api.Tests.Admin;

public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly BrainBuddyApplication app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Should_forbid_the_admin_endpoints_to_everyone_but_admins()
    {
        var user = await app.SignUpAsync();
        var researcher = await app.SignUpAsync(role: "researcher");

        foreach (var caller in new[] { user, researcher })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.GetAsync("/api/v1/admin/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.PostAsJsonAsync($"/api/v1/admin/users/{caller.UserId}/roles", new { role = "admin" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.DeleteAsync($"/api/v1/admin/users/{caller.UserId}/roles/user")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/admin/audit")).StatusCode);
        Assert.DoesNotContain("admin", (await (await user.Http.GetAsync("/api/v1/me")).BodyAsync())["roles"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_grant_and_revoke_a_role_at_once_and_audit_both_by_user_id()
    {
        var admin = await app.SignUpAsync(role: "admin");
        var user = await app.SignUpAsync();

        var granted = await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{user.UserId}/roles", new { role = "researcher" });
        var staleToken = await user.Http.GetAsync("/api/v1/me");
        var fresh = await BrainBuddyApplication.LoginAsync(app.CreateClient(), user.Email);
        var revoked = await admin.Http.DeleteAsync($"/api/v1/admin/users/{user.UserId}/roles/researcher");

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains("researcher", (await granted.BodyAsync())["roles"]!.AsArray().Select(r => r!.ToString()));
        Assert.Equal(HttpStatusCode.Unauthorized, staleToken.StatusCode); // the old token carried the old roles
        Assert.NotNull(fresh.AccessToken);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.DoesNotContain("researcher", (await revoked.BodyAsync())["roles"]!.AsArray().Select(r => r!.ToString()));

        var audit = await (await admin.Http.GetAsync($"/api/v1/admin/audit?actor={admin.UserId}")).BodyAsync();
        var items = audit["items"]!.AsArray();
        Assert.Equal(["roles.revoked", "roles.granted"], items.Select(i => i!["action"]!.ToString()));
        Assert.All(items, item =>
        {
            Assert.Equal(user.UserId, item!["target"]!.ToString());
            Assert.Equal("researcher", item["details"]!["role"]!.ToString());
            Assert.Equal("success", item["outcome"]!.ToString());
        });
        Assert.DoesNotContain(user.Email, audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_unknown_users_unknown_roles_and_an_admin_revoking_their_own_admin_role()
    {
        var admin = await app.SignUpAsync(role: "admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{MongoDB.Bson.ObjectId.GenerateNewId()}/roles", new { role = "researcher" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync("/api/v1/admin/users/not-an-id/roles", new { role = "researcher" })).StatusCode);
        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{admin.UserId}/roles", new { role = "owner" })).ShouldNameFieldAsync("role");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.DeleteAsync($"/api/v1/admin/users/{admin.UserId}/roles/admin")).StatusCode);
    }

    [Fact]
    public async Task Should_audit_failed_sign_ins_and_the_lockout_without_the_email_and_page_through_them()
    {
        var admin = await app.SignUpAsync(role: "admin");
        var victim = await app.SignUpAsync();
        var client = app.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = victim.Email, password = "wrong password, wrong" });
        }

        await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "wrong password, wrong" });

        var lockouts = await (await admin.Http.GetAsync("/api/v1/admin/audit?action=auth.locked_out")).BodyAsync();
        var lockout = Assert.Single(lockouts["items"]!.AsArray())!;
        Assert.Equal(victim.UserId, lockout["target"]!.ToString());
        Assert.Equal("denied", lockout["outcome"]!.ToString());

        var failures = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await admin.Http.GetAsync($"/api/v1/admin/audit?action=auth.login_failed&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).BodyAsync();
            failures.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["next_cursor"]?.ToString();
        }
        while (cursor is not null);

        Assert.Equal(5, failures.Count); // four wrong passwords before the lockout, and the unknown account
        Assert.Equal(4, failures.Count(f => f["target"]?.ToString() == victim.UserId));
        Assert.Equal("unknown_account", failures[0]["details"]!["reason"]!.ToString());
        Assert.All(failures, f => Assert.DoesNotContain("@", f.ToJsonString(), StringComparison.Ordinal));
        await (await admin.Http.GetAsync("/api/v1/admin/audit?cursor=forged")).ShouldNameFieldAsync("cursor");
    }

    [Fact]
    public async Task Should_audit_a_knowledge_import_with_its_counts()
    {
        var admin = await app.SignUpAsync(role: "admin");
        var researcher = await app.SignUpAsync(role: "researcher");
        var file = """{"entries":[{"stimulus_type":"binaural_beats","stimulus_parameters":{"beat_frequency":10,"carrier_frequency":200},"outcome":"increased_focus","direction":"positive","evidence_strength":0.35,"design":"RCT","citations":[{"title":"Audit trial","authors":"Doe J","year":2024,"doi":"10.1234/audit"}]}]}""";

        Assert.Equal(HttpStatusCode.OK, (await researcher.Http.PostAsync("/api/v1/knowledge/import", Json.Raw(file))).StatusCode);

        var imported = Assert.Single((await (await admin.Http.GetAsync("/api/v1/admin/audit?action=knowledge.imported")).BodyAsync())["items"]!.AsArray())!;
        Assert.Equal(researcher.UserId, imported["actor"]!.ToString());
        Assert.Equal("brain_knowledge", imported["target"]!.ToString());
        Assert.Equal("1", imported["details"]!["added"]!.ToString());
    }

    [Fact]
    public async Task Should_complete_the_audited_operation_when_the_audit_store_fails()
    {
        await using var broken = new BrainBuddyApplication(services: services =>
            services.Replace(ServiceDescriptor.Singleton<IAuditRepository>(new FailingAudit())));
        var admin = await broken.SignUpAsync(role: "admin");
        var user = await broken.SignUpAsync();

        var wrong = await broken.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password, wrong" });
        var granted = await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{user.UserId}/roles", new { role = "researcher" });
        var erased = await user.Http.DeleteAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, erased.StatusCode); // the grant ended the user's token; no 500 anywhere
    }

    private sealed class FailingAudit : IAuditRepository
    {
        public Task InsertAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => throw new IOException("disk full");

        public Task<Data.Storage.Page<AuditEvent>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default) => throw new IOException("disk full");
    }
}
