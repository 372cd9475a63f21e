using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Users;
using MongoDB.Bson;

namespace BrainBuddy.Data.Tests.Contract;

public abstract partial class StorageContractTests
{
    private static User NewUser(string email) => new()
    {
        Email = email,
        HashedPassword = "$2a$11$hash",
        Chronotype = Chronotype.Wolf,
        PrivacySettings = new BsonDocument(PrivacySettings.Personalization, false),
        Roles = [RoleNames.User],
    };

    [Fact]
    public async Task Should_find_a_user_by_id_and_by_email()
    {
        var user = NewUser("ada@example.com");
        await Sut.Users.InsertAsync(user, Ct);

        Assert.Equal(user.ToBsonDocument(), (await Sut.Users.GetByIdAsync(user.Id, Ct))!.ToBsonDocument());
        Assert.Equal(user.Id, (await Sut.Users.GetByEmailAsync("ada@example.com", Ct))!.Id);
        Assert.Null(await Sut.Users.GetByEmailAsync("nobody@example.com", Ct));
    }

    [Fact]
    public async Task Should_raise_a_typed_duplicate_key_error_when_the_email_is_taken()
    {
        await Sut.Users.InsertAsync(NewUser("ada@example.com"), Ct);

        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => Sut.Users.InsertAsync(NewUser("ada@example.com"), Ct));
        Assert.Equal("email", error.Key);
    }

    [Fact]
    public async Task Should_replace_only_when_the_concurrency_stamp_still_matches()
    {
        var user = NewUser("ada@example.com");
        await Sut.Users.InsertAsync(user, Ct);
        var stamp = user.ConcurrencyStamp;

        user.Chronotype = Chronotype.Lion;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        Assert.True(await Sut.Users.ReplaceAsync(user, stamp, Ct));
        user.Chronotype = Chronotype.Bear;
        Assert.False(await Sut.Users.ReplaceAsync(user, stamp, Ct));
        Assert.Equal(Chronotype.Lion, (await Sut.Users.GetByIdAsync(user.Id, Ct))!.Chronotype);
    }

    [Fact]
    public async Task Should_list_users_by_role_and_all_users()
    {
        var researcher = NewUser("r@example.com");
        researcher.Roles.Add(RoleNames.Researcher);
        await Sut.Users.InsertAsync(researcher, Ct);
        await Sut.Users.InsertAsync(NewUser("u@example.com"), Ct);

        Assert.Equal([researcher.Id], (await Sut.Users.ListInRoleAsync(RoleNames.Researcher, Ct)).Select(u => u.Id));
        Assert.Equal(2, await Sut.Users.ListAllAsync(Ct).CountAsync(Ct));
    }

    [Fact]
    public async Task Should_store_roles_with_unique_names()
    {
        var role = new Role { Name = "researcher", NormalizedName = "RESEARCHER" };
        await Sut.Roles.InsertAsync(role, Ct);

        await Assert.ThrowsAsync<DuplicateKeyException>(() => Sut.Roles.InsertAsync(new Role { Name = "Researcher", NormalizedName = "RESEARCHER" }, Ct));
        Assert.Equal(role.Id, (await Sut.Roles.GetByNameAsync("RESEARCHER", Ct))!.Id);
        Assert.True(await Sut.Roles.DeleteAsync(role.Id, Ct));
        Assert.Null(await Sut.Roles.GetByIdAsync(role.Id, Ct));
    }
}
