namespace BrainBuddy.Data;

// Stored and sent as lower snake_case strings ("pfc_gym"); see SnakeCaseEnumSerializer and the API's JSON options.

public enum ModuleType
{
    Movers,
    PfcGym,
    MentalRehearsal,
    Brainwave,
}

public enum BrainwaveTarget
{
    Delta,
    Theta,
    Alpha,
    Beta,
    Gamma,
}

public enum Chronotype
{
    Lion,
    Bear,
    Wolf,
    Dolphin,
}

public enum HabitType
{
    NegativeLoop,
    PositiveRoutine,
}

public enum ModelPhase
{
    Developmental,
    Adaptive,
}
