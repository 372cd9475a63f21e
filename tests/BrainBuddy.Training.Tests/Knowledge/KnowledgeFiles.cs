using System.Text;
using System.Text.Json.Nodes;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Training.Tests.Knowledge;

/// <summary>Knowledge files built in code: a valid entry to start from, then the one change a test is about.</summary>
internal static class KnowledgeFiles
{
    public static JsonObject ValidEntry(string stimulusType = "binaural_beats", string outcome = "increased_focus", string doi = "10.1007/s00426-018-1066-8") => new()
    {
        ["stimulus_type"] = stimulusType,
        ["stimulus_parameters"] = new JsonObject { ["beat_frequency"] = 40, ["brainwave_target"] = "gamma", ["carrier"] = "340 Hz" },
        ["outcome"] = outcome,
        ["direction"] = "positive",
        ["evidence_strength"] = 0.7,
        ["design"] = "meta-analysis",
        ["effect"] = "g = 0.45",
        ["citations"] = new JsonArray(new JsonObject
        {
            ["title"] = "Efficacy of binaural auditory beats in cognition, anxiety, and pain perception: a meta-analysis",
            ["authors"] = "Garcia-Argibay M, Santed MA, Reales JM",
            ["year"] = 2019,
            ["doi"] = doi,
        }),
    };

    public static KnowledgeFile File(string name, params JsonNode[] entries) =>
        Text(name, new JsonObject { ["entries"] = new JsonArray(entries) }.ToJsonString());

    public static KnowledgeFile Text(string name, string json) => new(name, Encoding.UTF8.GetBytes(json));

    /// <summary>Finds the repository's seed/knowledge folder from the test binaries (artifacts/bin/...).</summary>
    public static string SeedFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var seed = Path.Combine(folder.FullName, "seed", "knowledge");
            if (System.IO.File.Exists(Path.Combine(seed, KnowledgeLoader.SchemaFileName)))
            {
                return seed;
            }
        }

        throw new DirectoryNotFoundException("seed/knowledge was not found above " + AppContext.BaseDirectory);
    }
}
