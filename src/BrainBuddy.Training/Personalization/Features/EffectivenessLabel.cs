using BrainBuddy.Data.Sessions;

namespace BrainBuddy.Training.Personalization.Features;

/// <summary>The training target: effectiveness_score, or the user's rating mapped onto the same 0–1 scale.</summary>
public static class EffectivenessLabel
{
    /// <summary>The app asks for a 1–5 star rating; 1 maps to 0 and 5 to 1.</summary>
    public const int LowestRating = 1;

    public const int HighestRating = 5;

    public static float? Of(LabelledSession session)
    {
        if (session.EffectivenessScore is { } score && double.IsFinite(score))
        {
            return (float)Math.Clamp(score, 0, 1);
        }

        if (session.UserRating is { } rating)
        {
            return (float)Math.Clamp((rating - LowestRating) / (double)(HighestRating - LowestRating), 0, 1);
        }

        return null;
    }
}
