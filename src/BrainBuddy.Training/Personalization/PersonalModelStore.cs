using BrainBuddy.Data.UserModels;
using BrainBuddy.Training.Personalization.Models;
using BrainBuddy.Training.Personalization.Protection;
using BrainBuddy.Training.Personalization.Serving;
using Microsoft.Extensions.Logging;

namespace BrainBuddy.Training.Personalization;

/// <summary>
/// user_models as personal models: encrypts on the way in, decrypts and loads (through the cache) on the way out.
/// A blob that cannot be read is logged by user, key and reason (never its bytes) and reported as missing, so
/// callers rebuild it from sessions instead of failing.
/// </summary>
public sealed class PersonalModelStore(
    IUserModelRepository models,
    ModelProtector protector,
    EffectivenessLearner learner,
    PersonalModelCache cache,
    TimeProvider clock,
    ILogger<PersonalModelStore> logger)
{
    public Task<UserModel?> GetAsync(string userId, CancellationToken cancellationToken) => models.GetAsync(userId, cancellationToken);

    /// <returns>Null when the stored blob cannot be decrypted or parsed.</returns>
    public byte[]? ReadFingerprint(UserModel stored) =>
        Read(stored, plaintext => PersonalModel.ReadFingerprint(plaintext));

    /// <returns>Null when the stored blob cannot be decrypted or loaded.</returns>
    public CachedPersonalModel? Load(UserModel stored) =>
        cache.GetOrLoad(stored.UserId, stored.Version, () => Read(stored, plaintext => PersonalModel.Load(plaintext, learner)));

    /// <summary>Compare-and-swap write of a new training result over <paramref name="current"/> (null: none stored yet).</summary>
    /// <returns>The written document, or null when another writer changed it first.</returns>
    public async Task<UserModel?> TryWriteAsync(string userId, UserModel? current, PersonalTrainingResult result, CancellationToken cancellationToken)
    {
        var plaintext = result.Model.Save(learner);
        ProtectedBlob blob;
        try
        {
            blob = protector.Protect(plaintext, ModelSubject.User(userId));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new UserModel
        {
            Id = current?.Id ?? MongoDB.Bson.ObjectId.GenerateNewId().ToString(),
            UserId = userId,
            ModelWeights = blob.Blob,
            KeyId = blob.KeyId,
            LastUpdated = now,
            TrainingSteps = (current?.TrainingSteps ?? 0) + 1,
            Phase = result.Phase,
            LabelledSessionCount = result.LabelledSessionCount,
            NewestSessionAt = result.NewestSessionAt,
            HeldOutError = result.HeldOut?.PersonalError,
            BaselineHeldOutError = result.HeldOut?.BaselineError,
            CreatedAt = current?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        if (!await models.TryWriteAsync(document, current?.Version ?? 0, cancellationToken))
        {
            return null;
        }

        cache.Invalidate(userId);
        return document;
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        await models.DeleteAsync(userId, cancellationToken);
        cache.Invalidate(userId);
    }

    private T? Read<T>(UserModel stored, Func<byte[], T> parse)
        where T : class
    {
        byte[]? plaintext = null;
        try
        {
            plaintext = protector.Unprotect(stored.ModelWeights, stored.KeyId, ModelSubject.User(stored.UserId));
            return parse(plaintext);
        }
        catch (Exception exception) when (exception is ModelDecryptionException or InvalidDataException)
        {
            logger.UnreadableModel(stored.UserId, stored.Version, stored.KeyId, exception.Message);
            cache.Invalidate(stored.UserId);
            return null;
        }
        finally
        {
            if (plaintext is not null)
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }
}
