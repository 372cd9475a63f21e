namespace BrainBuddy.Training.Personalization.Protection;

/// <summary>The model keys are missing or malformed; start-up must stop rather than write models nobody can read.</summary>
public sealed class ModelKeyConfigurationException : Exception
{
    public ModelKeyConfigurationException()
    {
    }

    public ModelKeyConfigurationException(string message)
        : base(message)
    {
    }

    public ModelKeyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
