using BrainBuddy.Data.UserModels;
using Microsoft.Extensions.Logging;

namespace BrainBuddy.Training.Personalization.Protection;

/// <summary>
/// Re-encrypts every stored model that is not under the active key, for <c>keys rotate</c>. Runs live: both keys
/// stay configured while it runs, readers decrypt either, and each rewrite is a compare-and-swap, so a retrain that
/// lands meanwhile (already under the active key) wins and is left alone. Weights are not retrained.
/// Procedure: add the new key to BRAINBUDDY_MODEL_KEYS, make it active, restart, rotate, then drop the old key.
/// </summary>
public sealed class ModelKeyRotation(IUserModelRepository models, ModelProtector protector, ILogger<ModelKeyRotation> logger)
{
    /// <summary>Conflicts on one document before it is counted as failed (a user retraining in a tight loop).</summary>
    public const int MaximumAttempts = 5;

    public async Task<KeyRotationResult> RotateAsync(CancellationToken cancellationToken = default)
    {
        int rotated = 0, current = 0, unreadable = 0, failed = 0;
        await foreach (var model in models.ListAllAsync(cancellationToken))
        {
            switch (await RotateAsync(model, cancellationToken))
            {
                case Outcome.Rotated:
                    rotated++;
                    break;
                case Outcome.AlreadyCurrent:
                    current++;
                    break;
                case Outcome.Unreadable:
                    unreadable++;
                    break;
                default:
                    failed++;
                    break;
            }
        }

        return new KeyRotationResult(protector.ActiveKeyId, rotated, current, unreadable, failed);
    }

    private async Task<Outcome> RotateAsync(UserModel? model, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaximumAttempts; attempt++)
        {
            if (model is null || model.KeyId == protector.ActiveKeyId)
            {
                return Outcome.AlreadyCurrent;
            }

            ProtectedBlob blob;
            try
            {
                blob = protector.Reprotect(model.ModelWeights, model.KeyId, ModelSubject.ForRow(model.UserId));
            }
            catch (ModelDecryptionException exception)
            {
                logger.RotationSkippedUnreadable(model.UserId, model.KeyId, exception.Message);
                return Outcome.Unreadable;
            }

            var expectedVersion = model.Version;
            model.ModelWeights = blob.Blob;
            model.KeyId = blob.KeyId;
            if (await models.TryWriteAsync(model, expectedVersion, cancellationToken))
            {
                return Outcome.Rotated;
            }

            model = await models.GetAsync(model.UserId, cancellationToken);
        }

        return Outcome.Failed;
    }

    private enum Outcome
    {
        Rotated,
        AlreadyCurrent,
        Unreadable,
        Failed,
    }
}

/// <param name="AlreadyCurrent">Already under the active key (or deleted meanwhile).</param>
/// <param name="Unreadable">Could not be decrypted with any configured key; rebuilt from sessions on next use.</param>
/// <param name="Failed">Kept conflicting with concurrent writers; run the rotation again.</param>
public sealed record KeyRotationResult(string ActiveKeyId, int Rotated, int AlreadyCurrent, int Unreadable, int Failed);
