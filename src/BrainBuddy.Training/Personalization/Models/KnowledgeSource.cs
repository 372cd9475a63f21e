namespace BrainBuddy.Training.Personalization.Models;

/// <summary>The three levels of knowledge, each falling back to the one before.</summary>
public enum KnowledgeSource
{
    Evidence,
    Population,
    Personal,
}
