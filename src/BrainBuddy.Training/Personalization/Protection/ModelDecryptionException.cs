namespace BrainBuddy.Training.Personalization.Protection;

/// <summary>A stored model blob could not be decrypted: unknown key, wrong owner, tampered or truncated bytes.</summary>
public sealed class ModelDecryptionException : Exception
{
    public ModelDecryptionException()
    {
    }

    public ModelDecryptionException(string message)
        : base(message)
    {
    }

    public ModelDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
