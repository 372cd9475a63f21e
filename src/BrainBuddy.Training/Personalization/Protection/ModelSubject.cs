namespace BrainBuddy.Training.Personalization.Protection;

/// <summary>
/// Whose model a blob is. Bound into the encryption as associated data, so a blob copied to another user's
/// document, or a user's blob offered as the population model, fails to decrypt.
/// </summary>
public readonly record struct ModelSubject
{
    private ModelSubject(string value) => Value = value;

    public string Value { get; }

    public static ModelSubject Population { get; } = new("population");

    /// <summary>The subject of a stored <c>user_models</c> row: the population model lives under a reserved id.</summary>
    public static ModelSubject ForRow(string userId) => userId == PopulationModelStore.ReservedUserId ? Population : User(userId);

    public static ModelSubject User(string userId) =>
        string.IsNullOrEmpty(userId) ? throw new ArgumentException("A user id is required.", nameof(userId)) : new($"user/{userId}");

    public override string ToString() => Value;
}
