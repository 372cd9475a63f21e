namespace BrainBuddy.Audio.Presets;

/// <summary>The EEG band a session aims at. Same names as the training data's brainwave target.</summary>
public enum BrainwaveTarget
{
    Delta,
    Theta,
    Alpha,
    Beta,
    Gamma,
}
