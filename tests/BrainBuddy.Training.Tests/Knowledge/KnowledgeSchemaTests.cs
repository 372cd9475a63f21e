using System.Text.Json;
using BrainBuddy.Data;
using BrainBuddy.Data.Storage;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Training.Tests.Knowledge;

/// <summary>seed/knowledge/schema.json repeats the loader's vocabularies for editors and other tools; they must not drift.</summary>
public sealed class KnowledgeSchemaTests
{
    private static readonly JsonElement Definitions = LoadDefinitions();

    [Fact]
    public void Should_list_the_loaders_outcomes_when_the_schema_names_outcomes()
    {
        Assert.Equal(KnowledgeVocabulary.Outcomes.Order(), Enum(Definitions.GetProperty("outcome")).Order());
    }

    [Fact]
    public void Should_list_the_loaders_directions_when_the_schema_names_directions()
    {
        var direction = Definitions.GetProperty("entry").GetProperty("properties").GetProperty("direction");

        Assert.Equal(KnowledgeVocabulary.Directions.Keys.Order(), Enum(direction).Order());
    }

    [Fact]
    public void Should_list_every_brainwave_band_when_the_schema_names_targets()
    {
        var target = Definitions.GetProperty("stimulus_parameters").GetProperty("properties").GetProperty(StimulusKey.BrainwaveTargetParameter);

        Assert.Equal(EnumName.All<BrainwaveTarget>().Order(), Enum(target).Order());
    }

    private static IEnumerable<string> Enum(JsonElement element) => element.GetProperty("enum").EnumerateArray().Select(value => value.GetString()!);

    private static JsonElement LoadDefinitions()
    {
        using var schema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(KnowledgeFiles.SeedFolder(), KnowledgeLoader.SchemaFileName)));
        return schema.RootElement.GetProperty("$defs").Clone();
    }
}
