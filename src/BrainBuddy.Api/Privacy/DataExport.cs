using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Habits;
using BrainBuddy.Api.Sessions;
using BrainBuddy.Data;
using BrainBuddy.Data.UserModels;

namespace BrainBuddy.Api.Privacy;

/// <summary>
/// Everything stored about the caller, in one document (GDPR art. 15 and 20). The profile is the one the app sees:
/// no password hash, refresh tokens or security stamp; the model is its metadata, never its weights.
/// </summary>
public sealed record DataExport(
    DateTime ExportedAt,
    Profile Profile,
    IReadOnlyList<SessionOutput> Sessions,
    IReadOnlyList<HabitOutput> Habits,
    ModelSummary? Model);

public sealed record ModelSummary(
    ModelPhase Phase,
    int TrainingSteps,
    DateTime LastUpdated,
    int LabelledSessionCount,
    DateTime? NewestSessionAt,
    double? HeldOutError,
    double? BaselineHeldOutError,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ModelSummary From(UserModel model) => new(
        model.Phase,
        model.TrainingSteps,
        model.LastUpdated,
        model.LabelledSessionCount,
        model.NewestSessionAt,
        model.HeldOutError,
        model.BaselineHeldOutError,
        model.Version,
        model.CreatedAt,
        model.UpdatedAt);
}
