using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.UserModels;

namespace BrainBuddy.Data.Tests.Contract;

public abstract partial class StorageContractTests
{
    private static UserModel Model(string userId, int steps) => new()
    {
        UserId = userId,
        ModelWeights = [1, 2, 3, (byte)steps],
        KeyId = "k1",
        TrainingSteps = steps,
        Phase = ModelPhase.Developmental,
        LastUpdated = DateTime.UtcNow,
    };

    [Fact]
    public async Task Should_write_a_user_model_only_over_the_version_it_read()
    {
        var userId = NewId();
        var model = Model(userId, 1);

        Assert.True(await Sut.UserModels.TryWriteAsync(model, 0, Ct));
        Assert.Equal(1, model.Version);
        Assert.False(await Sut.UserModels.TryWriteAsync(Model(userId, 9), 0, Ct));
        Assert.True(await Sut.UserModels.TryWriteAsync(Model(userId, 2), 1, Ct));
        Assert.False(await Sut.UserModels.TryWriteAsync(Model(userId, 3), 1, Ct));

        var stored = await Sut.UserModels.GetAsync(userId, Ct);
        Assert.Equal((2L, 2), (stored!.Version, stored.TrainingSteps));
        Assert.Equal(new byte[] { 1, 2, 3, 2 }, stored.ModelWeights);
    }

    [Fact]
    public async Task Should_let_exactly_one_of_racing_writers_win()
    {
        var userId = NewId();
        await Sut.UserModels.TryWriteAsync(Model(userId, 1), 0, Ct);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Sut.UserModels.TryWriteAsync(Model(userId, 10 + i), 1, Ct), Ct)));

        Assert.Single(outcomes, written => written);
        Assert.Equal(2, (await Sut.UserModels.GetAsync(userId, Ct))!.Version);
    }

    [Fact]
    public async Task Should_erase_a_user_and_everything_they_own_but_nothing_else()
    {
        var user = NewUser("gone@example.com");
        var kept = NewUser("kept@example.com");
        await Sut.Users.InsertAsync(user, Ct);
        await Sut.Users.InsertAsync(kept, Ct);
        foreach (var owner in new[] { user.Id, kept.Id })
        {
            await Sut.Sessions.InsertAsync(Session(owner, 0), Ct);
            await Sut.Habits.InsertAsync(NewHabit(owner), Ct);
            await Sut.UserModels.TryWriteAsync(Model(owner, 1), 0, Ct);
        }

        await Sut.EraseUserAsync(user.Id, Ct);

        Assert.Null(await Sut.Users.GetByIdAsync(user.Id, Ct));
        Assert.Empty((await Sut.Sessions.ListAsync(user.Id, new SessionQuery(), Ct)).Items);
        Assert.Empty((await Sut.Habits.ListAsync(user.Id, new HabitQuery(), Ct)).Items);
        Assert.Null(await Sut.UserModels.GetAsync(user.Id, Ct));
        Assert.NotNull(await Sut.Users.GetByIdAsync(kept.Id, Ct));
        Assert.Single((await Sut.Sessions.ListAsync(kept.Id, new SessionQuery(), Ct)).Items);
        Assert.NotNull(await Sut.UserModels.GetAsync(kept.Id, Ct));
        Assert.True(await Sut.PingAsync(Ct));
    }
}
