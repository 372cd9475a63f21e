namespace BrainBuddy.Data.Storage;

/// <summary>A unique index refused a write (email taken, id reused). Both backends raise this, never a driver exception.</summary>
public sealed class DuplicateKeyException(string collection, string key, Exception? inner = null)
    : Exception($"A document with this {key} already exists in {collection}.", inner)
{
    public string Collection { get; } = collection;

    public string Key { get; } = key;
}

/// <summary>A pagination cursor that this service did not issue, or that was altered.</summary>
public sealed class InvalidCursorException() : Exception("The cursor is not valid.");
