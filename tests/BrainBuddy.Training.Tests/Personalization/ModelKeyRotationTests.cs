using System.Security.Cryptography;
using BrainBuddy.Data;
using BrainBuddy.Training.Personalization;
using BrainBuddy.Training.Personalization.Protection;
using BrainBuddy.Training.Personalization.Serving;
using BrainBuddy.Training.Tests.Personalization.Simulation;
using BrainBuddy.Training.Tests.Personalization.Support;

namespace BrainBuddy.Training.Tests.Personalization;

public sealed class ModelKeyRotationTests
{
    [Fact]
    public async Task Should_reencrypt_every_model_under_the_new_key_and_keep_them_readable_when_rotating()
    {
        using var harness = new PersonalizationHarness();
        var users = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var random = new Random(i);
            var user = await harness.AddUserAsync(Chronotype.Wolf);
            await harness.AddSessionsAsync(user.Id, new SimulatedUser("r", Chronotype.Wolf, BrainwaveTarget.Alpha, 18, random).History(25, random, SyntheticPopulation.Start));
            await harness.Service.RetrainAsync(user.Id, TestContext.Current.CancellationToken);
            users.Add(user.Id);
        }

        var rotatedRing = new ModelKeyRing(
            new Dictionary<string, byte[]> { ["k1"] = KeyOf(harness.Keys, "k1"), ["k2"] = RandomNumberGenerator.GetBytes(32) },
            "k2");
        var rotated = new ModelProtector(rotatedRing);
        var sut = new ModelKeyRotation(harness.Models, rotated, new RecordingLogger<ModelKeyRotation>());

        var first = await sut.RotateAsync(TestContext.Current.CancellationToken);
        var second = await sut.RotateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new KeyRotationResult("k2", Rotated: 3, AlreadyCurrent: 0, Unreadable: 0, Failed: 0), first);
        Assert.Equal(new KeyRotationResult("k2", Rotated: 0, AlreadyCurrent: 3, Unreadable: 0, Failed: 0), second);
        using var cache = new PersonalModelCache(SharedPopulation.Learner);
        var newKeyOnly = new PersonalModelStore(
            harness.Models,
            new ModelProtector(new ModelKeyRing(new Dictionary<string, byte[]> { ["k2"] = KeyOf(rotatedRing, "k2") }, "k2")),
            SharedPopulation.Learner,
            cache,
            TimeProvider.System,
            new RecordingLogger<PersonalModelStore>());
        foreach (var user in users)
        {
            var stored = await harness.Models.GetAsync(user, TestContext.Current.CancellationToken);
            Assert.Equal(("k2", 1), (stored!.KeyId, stored.TrainingSteps));
            Assert.NotNull(newKeyOnly.Load(stored));
        }
    }

    [Fact]
    public async Task Should_count_a_model_as_unreadable_and_leave_it_when_no_key_decrypts_it()
    {
        using var harness = new PersonalizationHarness();
        var user = await harness.AddUserAsync(Chronotype.Bear);
        var random = new Random(1);
        await harness.AddSessionsAsync(user.Id, new SimulatedUser("u", Chronotype.Bear, BrainwaveTarget.Beta, 9, random).History(15, random, SyntheticPopulation.Start));
        await harness.Service.RetrainAsync(user.Id, TestContext.Current.CancellationToken);
        var unrelated = new ModelProtector(new ModelKeyRing(
            new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32), ["k2"] = RandomNumberGenerator.GetBytes(32) },
            "k2"));

        var result = await new ModelKeyRotation(harness.Models, unrelated, new RecordingLogger<ModelKeyRotation>()).RotateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Unreadable);
        Assert.Equal("k1", (await harness.Models.GetAsync(user.Id, TestContext.Current.CancellationToken))!.KeyId);
    }

    private static byte[] KeyOf(ModelKeyRing ring, string keyId) =>
        ring.TryGetKey(keyId, out var key) ? key : throw new InvalidOperationException($"No key {keyId}.");
}
