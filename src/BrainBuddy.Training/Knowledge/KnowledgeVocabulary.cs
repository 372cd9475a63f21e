using System.Collections.Frozen;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// The words a knowledge entry may use. Outcomes are a closed list so that findings from different studies
/// meet under the same name and can be ranked together; seed/knowledge/schema.json repeats these lists.
/// </summary>
public static class KnowledgeVocabulary
{
    public static readonly FrozenSet<string> Outcomes = FrozenSet.Create(
        StringComparer.Ordinal,
        "increased_focus",
        "reduced_anxiety",
        "improved_memory",
        "improved_sleep",
        "pain_reduction",
        "relaxation",
        "improved_creativity",
        "brainwave_entrainment",
        "improved_motor_skill");

    /// <summary>
    /// Each direction with the evidence_strength it may claim under the band rule (seed/knowledge/README.md):
    /// a null or negative finding is evidence *against* the outcome, so it can never look strong, and a
    /// positive finding starts at the lowest positive band (D, floor 0.30). Mixed findings span bands A to E.
    /// </summary>
    public static readonly FrozenDictionary<string, StrengthRange> Directions = new Dictionary<string, StrengthRange>(StringComparer.Ordinal)
    {
        ["positive"] = new(0.30, 1.0),
        ["mixed"] = new(0.0, 1.0),
        ["null"] = new(0.0, 0.20),
        ["negative"] = new(0.0, 0.10),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

public readonly record struct StrengthRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;
}
