using BrainBuddy.Data;
using BrainBuddy.Data.UserModels;
using BrainBuddy.Training.Personalization.Models;
using BrainBuddy.Training.Personalization.Protection;
using BrainBuddy.Training.Personalization.Serving;

namespace BrainBuddy.Training.Personalization;

/// <summary>
/// Persists the population model as the <c>user_models</c> row of a reserved id that no account can have (an all-zero
/// ObjectId). It is encrypted like every personal model (subject "population"), written with the same version
/// check, and re-encrypted by key rotation along with them.
/// </summary>
public sealed class PopulationModelStore(IUserModelRepository models, ModelProtector protector, EffectivenessLearner learner, PopulationModelHolder holder, TimeProvider clock)
{
    public const string ReservedUserId = "000000000000000000000000";

    /// <summary>Stores the model and puts it in use; false when another instance stored one first (theirs wins, and is loaded).</summary>
    public async Task<bool> SaveAsync(PopulationModel model, CancellationToken cancellationToken = default)
    {
        var stored = await models.GetAsync(ReservedUserId, cancellationToken);
        var blob = protector.Protect(model.Save(), ModelSubject.Population);
        var row = new UserModel
        {
            Id = stored?.Id ?? MongoDB.Bson.ObjectId.GenerateNewId().ToString(),
            UserId = ReservedUserId,
            ModelWeights = blob.Blob,
            KeyId = blob.KeyId,
            LastUpdated = clock.GetUtcNow().UtcDateTime,
            TrainingSteps = (stored?.TrainingSteps ?? 0) + 1,
            Phase = ModelPhase.Adaptive,
            LabelledSessionCount = model.SessionCount,
            CreatedAt = stored?.CreatedAt ?? default,
        };
        if (await models.TryWriteAsync(row, stored?.Version ?? 0, cancellationToken))
        {
            holder.Replace(model);
            return true;
        }

        await LoadAsync(cancellationToken);
        return false;
    }

    /// <summary>Puts the stored model in use; false when there is none yet.</summary>
    public async Task<bool> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (await models.GetAsync(ReservedUserId, cancellationToken) is not { } stored)
        {
            return false;
        }

        holder.Replace(PopulationModel.Load(protector.Unprotect(stored.ModelWeights, stored.KeyId, ModelSubject.Population), learner));
        return true;
    }
}
