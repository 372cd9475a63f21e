using BrainBuddy.Data;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Users;
using BrainBuddy.Training.Personalization;
using BrainBuddy.Training.Personalization.Models;
using BrainBuddy.Training.Tests.Personalization.Simulation;
using BrainBuddy.Training.Tests.Personalization.Support;
using MongoDB.Bson;

namespace BrainBuddy.Training.Tests.Personalization;

public sealed class PopulationRetrainServiceTests
{
    [Fact]
    public async Task Should_train_only_on_users_who_allow_it_and_put_the_model_in_use_when_retraining()
    {
        using var harness = new PersonalizationHarness(withPopulation: false);
        var random = new Random(12);
        for (var i = 0; i < 6; i++)
        {
            var user = await harness.AddUserAsync(Chronotype.Bear);
            await harness.AddSessionsAsync(user.Id, new SimulatedUser("p", Chronotype.Bear, BrainwaveTarget.Alpha, 9, random).History(30, random, SyntheticPopulation.Start));
        }

        var refusing = await harness.AddUserAsync(Chronotype.Bear, new BsonDocument { [PrivacySettings.PopulationTraining] = false });
        await harness.AddSessionsAsync(refusing.Id, Enumerable.Range(0, 50).Select(index =>
            new LabelledSession($"r{index}", ModuleType.Movers, null, null, null, 600, SyntheticPopulation.Start.AddHours(index), null, 1.0)));
        var sut = new PopulationRetrainService(
            harness.Storage.Users,
            harness.Storage.Sessions,
            new PopulationModelTrainer(SharedPopulation.Learner),
            harness.Population,
            TimeProvider.System,
            new RecordingLogger<PopulationRetrainService>());

        var model = await sut.RetrainAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(model);
        Assert.Equal((6, 180), (model.UserCount, model.SessionCount));
        Assert.Same(model, harness.Population.Current!.Model);
        Assert.NotNull(model.Shrinkage);
    }

    [Fact]
    public async Task Should_keep_the_current_model_when_no_consenting_user_has_labelled_sessions()
    {
        using var harness = new PersonalizationHarness();
        await harness.AddUserAsync(Chronotype.Lion);
        var sut = new PopulationRetrainService(
            harness.Storage.Users,
            harness.Storage.Sessions,
            new PopulationModelTrainer(SharedPopulation.Learner),
            harness.Population,
            TimeProvider.System,
            new RecordingLogger<PopulationRetrainService>());

        Assert.Null(await sut.RetrainAsync(TestContext.Current.CancellationToken));
        Assert.Same(SharedPopulation.Model, harness.Population.Current!.Model);
    }
}
