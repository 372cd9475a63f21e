namespace BrainBuddy.Data.Storage;

public enum InsertOutcome
{
    Created,
    AlreadyExists,
}

/// <summary>What an idempotent insert did, and the document now stored under that id.</summary>
public sealed record InsertResult<T>(InsertOutcome Outcome, T Document);
