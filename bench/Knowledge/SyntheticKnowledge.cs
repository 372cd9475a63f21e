using System.Text;
using System.Text.Json.Nodes;
using BrainBuddy.Data;
using BrainBuddy.Data.Storage;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Bench.Knowledge;

/// <summary>
/// Knowledge files shaped like the real seed, at any size: every outcome, stimulus types with and without brainwave
/// targets, all four directions with strengths the band rule allows, and about three findings per source.
/// </summary>
internal static class SyntheticKnowledge
{
    private const int FindingsPerSource = 3;

    private static readonly string[] StimulusTypes =
        ["binaural_beats", "monaural_beats", "isochronic_tones", "pink_noise", "white_noise", "music", "breathing_exercise", "mental_rehearsal", "physical_exercise"];

    private static readonly string[] TargetedTypes = ["binaural_beats", "monaural_beats", "isochronic_tones"];

    private static readonly string[] Outcomes = [.. KnowledgeVocabulary.Outcomes.Order(StringComparer.Ordinal)];

    public static List<KnowledgeFile> Files(int entryCount, int entriesPerFile, int seed)
    {
        var random = new Random(seed);
        var files = new List<KnowledgeFile>();
        for (var first = 0; first < entryCount; first += entriesPerFile)
        {
            var entries = new JsonArray();
            for (var index = first; index < Math.Min(first + entriesPerFile, entryCount); index++)
            {
                entries.Add(Entry(index, random));
            }

            var json = new JsonObject { ["entries"] = entries }.ToJsonString();
            files.Add(new KnowledgeFile($"synthetic_{files.Count:D3}.json", Encoding.UTF8.GetBytes(json)));
        }

        return files;
    }

    private static JsonObject Entry(int index, Random random)
    {
        var stimulusType = StimulusTypes[random.Next(StimulusTypes.Length)];
        var parameters = new JsonObject { ["variant"] = index, ["duration_min"] = random.Next(5, 60) };
        if (TargetedTypes.Contains(stimulusType) && random.Next(3) > 0)
        {
            parameters[StimulusKey.BrainwaveTargetParameter] = EnumName.Of(Enum.GetValues<BrainwaveTarget>()[random.Next(5)]);
        }

        var (direction, strength) = random.Next(10) switch
        {
            < 5 => ("positive", 0.30 + (random.Next(0, 12) * 0.05)),
            < 7 => ("mixed", 0.20 + (random.Next(0, 5) * 0.05)),
            < 9 => ("null", 0.10 + (random.Next(0, 3) * 0.05)),
            _ => ("negative", 0.05 + (random.Next(0, 2) * 0.05)),
        };
        var source = index / FindingsPerSource;
        return new JsonObject
        {
            ["stimulus_type"] = stimulusType,
            ["stimulus_parameters"] = parameters,
            ["outcome"] = Outcomes[random.Next(Outcomes.Length)],
            ["direction"] = direction,
            ["evidence_strength"] = Math.Round(strength, 2),
            ["design"] = "synthetic controlled study",
            ["effect"] = $"synthetic effect d = {random.NextDouble():0.00}",
            ["citations"] = new JsonArray(new JsonObject
            {
                ["title"] = $"Synthetic study {source} of {stimulusType}",
                ["authors"] = "Bench A, Mark B",
                ["year"] = 1990 + (source % 37),
                ["doi"] = $"10.5555/bench.{source}",
            }),
        };
    }
}
