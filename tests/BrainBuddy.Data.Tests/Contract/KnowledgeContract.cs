using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Storage;
using MongoDB.Bson;

namespace BrainBuddy.Data.Tests.Contract;

public abstract partial class StorageContractTests
{
    private static KnowledgeEntry Finding(string key, string outcome = "increased_focus", double strength = 0.5) => new()
    {
        StimulusType = "binaural_beats",
        StimulusParameters = new BsonDocument { ["beat_frequency"] = 10, ["carrier_frequency"] = 200 },
        Outcome = outcome,
        EvidenceStrength = strength,
        Citations = [new Citation { Title = "A study " + key, Authors = "Doe J", Year = 2020, Doi = "10.1000/" + key }],
        NaturalKey = key,
    };

    [Fact]
    public async Task Should_add_then_leave_unchanged_then_update_by_natural_key()
    {
        var first = await Sut.Knowledge.UpsertManyAsync([Finding("a"), Finding("b")], Ct);
        var again = await Sut.Knowledge.UpsertManyAsync([Finding("a"), Finding("b", strength: 0.6)], Ct);

        Assert.Equal([UpsertOutcome.Added, UpsertOutcome.Added], first);
        Assert.Equal([UpsertOutcome.Unchanged, UpsertOutcome.Updated], again);
        Assert.Equal(2, await Sut.Knowledge.CountAsync(Ct));
    }

    [Fact]
    public async Task Should_write_nothing_when_one_entry_of_an_upsert_fails()
    {
        Assert.SkipUnless(SupportsTransactions, "This MongoDB deployment has no transactions (standalone server).");
        var existing = Finding("existing");
        await Sut.Knowledge.InsertAsync(existing, Ct);
        var clash = Finding("clash");
        clash.Id = existing.Id;

        await Assert.ThrowsAnyAsync<Exception>(() => Sut.Knowledge.UpsertManyAsync([Finding("fresh"), clash], Ct));

        Assert.Equal(1, await Sut.Knowledge.CountAsync(Ct));
    }

    [Fact]
    public async Task Should_refuse_a_second_entry_with_the_same_natural_key()
    {
        await Sut.Knowledge.InsertAsync(Finding("a"), Ct);

        await Assert.ThrowsAsync<DuplicateKeyException>(() => Sut.Knowledge.InsertAsync(Finding("a"), Ct));
    }

    [Fact]
    public async Task Should_filter_and_page_knowledge_in_id_order()
    {
        await Sut.Knowledge.UpsertManyAsync([Finding("a"), Finding("b", "relaxation"), Finding("c"), Finding("d")], Ct);

        var first = await Sut.Knowledge.ListAsync(new KnowledgeQuery(Outcome: "increased_focus", Limit: 2), Ct);
        var second = await Sut.Knowledge.ListAsync(new KnowledgeQuery(Outcome: "increased_focus", Limit: 2, Cursor: first.NextCursor), Ct);
        var byOutcome = await Sut.Knowledge.ListByOutcomeAsync("relaxation", Ct);

        Assert.Equal(["a", "c", "d"], first.Items.Concat(second.Items).Select(k => k.NaturalKey));
        Assert.Equal(["b"], byOutcome.Select(k => k.NaturalKey));
    }

    [Fact]
    public async Task Should_replace_delete_and_signal_changes()
    {
        var entry = Finding("a");
        var before = Sut.Knowledge.ChangeToken;
        await Sut.Knowledge.InsertAsync(entry, Ct);
        entry.EvidenceStrength = 0.9;

        Assert.True(await Sut.Knowledge.ReplaceAsync(entry, Ct));
        Assert.Equal(0.9, (await Sut.Knowledge.GetAsync(entry.Id, Ct))!.EvidenceStrength);
        Assert.True(await Sut.Knowledge.DeleteAsync(entry.Id, Ct));
        Assert.Null(await Sut.Knowledge.GetAsync(entry.Id, Ct));
        Assert.True(Sut.Knowledge.ChangeToken > before);
    }

    [Fact]
    public async Task Should_not_signal_a_knowledge_change_when_other_collections_change()
    {
        var before = Sut.Knowledge.ChangeToken;

        await Sut.Sessions.InsertAsync(Session(NewId(), 0), Ct);

        Assert.Equal(before, Sut.Knowledge.ChangeToken);
    }
}
