using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Tests.Contract;

public abstract partial class StorageContractTests
{
    private static AuditEvent Event(string actor, string action, string? target = null) => new()
    {
        Actor = actor,
        Action = action,
        Target = target,
        Outcome = AuditOutcome.Success,
        Details = new Dictionary<string, string> { ["role"] = "researcher" },
    };

    [Fact]
    public async Task Should_round_trip_an_audit_event_and_stamp_its_time()
    {
        var recorded = Event(NewId(), AuditActions.RoleGranted, NewId());
        var before = DateTime.UtcNow.AddSeconds(-1);

        await Sut.Audit.InsertAsync(recorded, Ct);
        var page = await Sut.Audit.ListAsync(new AuditQuery(), Ct);

        var read = Assert.Single(page.Items);
        Assert.InRange(read.Time, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(recorded.ToBsonDocument(), read.ToBsonDocument());
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Should_list_audit_events_newest_first_filtered_by_action_and_actor()
    {
        var admin = NewId();
        await Sut.Audit.InsertAsync(Event(admin, AuditActions.RoleGranted), Ct);
        await Sut.Audit.InsertAsync(Event(AuditActors.Anonymous, AuditActions.LoginFailed), Ct);
        await Sut.Audit.InsertAsync(Event(admin, AuditActions.RoleRevoked), Ct);

        var all = await Sut.Audit.ListAsync(new AuditQuery(), Ct);
        var byAdmin = await Sut.Audit.ListAsync(new AuditQuery(Actor: admin), Ct);
        var grants = await Sut.Audit.ListAsync(new AuditQuery(Action: AuditActions.RoleGranted, Actor: admin), Ct);

        Assert.Equal([AuditActions.RoleRevoked, AuditActions.LoginFailed, AuditActions.RoleGranted], all.Items.Select(e => e.Action));
        Assert.Equal([AuditActions.RoleRevoked, AuditActions.RoleGranted], byAdmin.Items.Select(e => e.Action));
        Assert.Equal(AuditActions.RoleGranted, Assert.Single(grants.Items).Action);
    }

    [Fact]
    public async Task Should_page_audit_events_without_gaps_or_repeats_when_times_are_equal()
    {
        // Events written in one batch commonly share a millisecond; the id breaks the tie.
        var written = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var auditEvent = Event(AuditActors.Cli, AuditActions.KnowledgeImported);
            await Sut.Audit.InsertAsync(auditEvent, Ct);
            written.Add(auditEvent.Id);
        }

        var read = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Sut.Audit.ListAsync(new AuditQuery(Limit: 3, Cursor: cursor), Ct);
            read.AddRange(page.Items.Select(e => e.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(written.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
        Assert.Equal(read.Count, read.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Should_refuse_an_audit_cursor_it_did_not_issue()
    {
        await Assert.ThrowsAsync<InvalidCursorException>(() => Sut.Audit.ListAsync(new AuditQuery(Cursor: "not-a-cursor"), Ct));
    }
}
