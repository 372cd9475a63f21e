using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Transfer;
using BrainBuddy.Data.Users;
using MongoDB.Bson;

namespace BrainBuddy.Data.Tests.Contract;

public abstract partial class StorageContractTests
{
    /// <summary>A little of everything, in every collection, through the repositories.</summary>
    internal static async Task<User> FillEveryCollectionAsync(IStorage store)
    {
        var user = NewUser($"transfer-{NewId()}@example.com");
        user.Roles = [RoleNames.User, RoleNames.Admin];
        await store.Users.InsertAsync(user, Ct);
        await store.Roles.InsertAsync(new Role { Name = "admin", NormalizedName = "ADMIN" }, Ct);
        for (var minute = 0; minute < 3; minute++)
        {
            await store.Sessions.InsertAsync(Session(user.Id, minute, rating: 3 + minute, score: minute == 1 ? null : 0.25 * minute), Ct);
        }

        var habit = NewHabit(user.Id);
        await store.Habits.InsertAsync(habit, Ct);
        await store.Habits.RecordAttemptAsync(user.Id, habit.Id, success: true, Start, Ct);
        await store.Knowledge.UpsertManyAsync([Finding("transfer-a"), Finding("transfer-b", "calm")], Ct);
        await store.UserModels.TryWriteAsync(Model(user.Id, 7), 0, Ct);
        await store.Audit.InsertAsync(Event(user.Id, AuditActions.DataExported, user.Id), Ct);
        return user;
    }

    [Fact]
    public async Task Should_move_every_collection_to_an_empty_store_and_export_it_byte_for_byte_alike()
    {
        var user = await FillEveryCollectionAsync(Sut);
        var folders = new[] { TemporaryFolder(), TemporaryFolder() };
        var copy = await OpenAsync();
        try
        {
            var exported = await JsonTransfer.ExportAsync(Sut.Documents, folders[0], Ct);
            var imported = await JsonTransfer.ImportAsync(copy.Documents, folders[0], Ct);
            await JsonTransfer.ImportAsync(copy.Documents, folders[0], Ct); // again: upserts, no duplicates
            await JsonTransfer.ExportAsync(copy.Documents, folders[1], Ct);

            Assert.Equal(exported, imported);
            Assert.All(exported, count => Assert.True(count.Documents > 0, count.Collection));
            foreach (var collection in StorageCollections.All)
            {
                Assert.Equal(File.ReadAllBytes(JsonTransfer.FileOf(folders[0], collection)), File.ReadAllBytes(JsonTransfer.FileOf(folders[1], collection)));
            }

            // The copy answers through its repositories exactly like the original.
            Assert.Equal(user.ToBsonDocument(), (await copy.Users.GetByEmailAsync(user.Email, Ct))!.ToBsonDocument());
            Assert.Contains(await copy.Users.ListInRoleAsync(RoleNames.Admin, Ct), u => u.Id == user.Id);
            Assert.Equal(3, (await copy.Sessions.ListAsync(user.Id, new SessionQuery(), Ct)).Items.Count);
            Assert.Equal(await Sut.Sessions.GetStatsAsync(user.Id, null, null, Ct), await copy.Sessions.GetStatsAsync(user.Id, null, null, Ct));
            Assert.Equal(1, Assert.Single((await copy.Habits.ListAsync(user.Id, new HabitQuery(), Ct)).Items).SuccessCount);
            Assert.Equal(2, await copy.Knowledge.CountAsync(Ct));
            Assert.Equal(7, (await copy.UserModels.GetAsync(user.Id, Ct))!.TrainingSteps);
            Assert.Equal(user.Id, Assert.Single((await copy.Audit.ListAsync(new AuditQuery(Actor: user.Id), Ct)).Items).Target);
        }
        finally
        {
            await RemoveAsync(copy);
            await copy.DisposeAsync();
            Array.ForEach(folders, folder => Directory.Delete(folder, recursive: true));
        }
    }

    [Fact]
    public async Task Should_refuse_an_imported_document_that_takes_another_users_email()
    {
        var user = await FillEveryCollectionAsync(Sut);
        var twin = NewUser(user.Email).ToBsonDocument();

        await Assert.ThrowsAsync<DuplicateKeyException>(() => Sut.Documents.UpsertAsync(StorageCollections.Users, [twin], Ct));
        Assert.Equal(user.Id, (await Sut.Users.GetByEmailAsync(user.Email, Ct))!.Id);
    }

    [Fact]
    public async Task Should_name_the_file_and_line_of_a_line_that_is_not_a_document()
    {
        var folder = TemporaryFolder();
        try
        {
            await File.WriteAllTextAsync(JsonTransfer.FileOf(folder, StorageCollections.Sessions), "{\"_id\": {\"$oid\": \"65f1a2b3c4d5e6f708192a3c\"}, \"user_id\": {\"$oid\": \"65f1a2b3c4d5e6f708192a3b\"}}\nnot json\n", Ct);

            var problem = await Assert.ThrowsAsync<InvalidDataException>(() => JsonTransfer.ImportAsync(Sut.Documents, folder, Ct));

            Assert.Contains("sessions.jsonl:2", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string TemporaryFolder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "brainbuddy-transfer", Guid.NewGuid().ToString("N"))).FullName;
}
