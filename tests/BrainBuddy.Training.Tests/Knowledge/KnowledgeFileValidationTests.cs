using System.Text.Json;
using System.Text.Json.Nodes;
using BrainBuddy.Training.Knowledge;

namespace BrainBuddy.Training.Tests.Knowledge;

public sealed class KnowledgeFileValidationTests
{
    private const int LatestYear = 2027;

    private static readonly string TooLongTitle = Quoted(new string('t', CitationsReader.MaxTitleLength + 1));
    private static readonly string TooLongAuthors = Quoted(new string('a', CitationsReader.MaxAuthorsLength + 1));
    private static readonly string TooLongEffect = Quoted(new string('e', KnowledgeFileReader.MaxEffectLength + 1));
    private static readonly string TooManyCitations = JsonSerializer.Serialize(Enumerable.Range(0, CitationsReader.MaxCitations + 1).Select(i => new { title = $"Study {i}" }));

    /// <summary>A '/'-separated path into a valid entry, the JSON to put there (null removes it), and the problem expected.</summary>
    public static TheoryData<string, string?, string, string> BrokenEntries => new()
    {
        // Required fields
        { "stimulus_type", null, "$.entries[0].stimulus_type", "is required" },
        { "stimulus_parameters", null, "$.entries[0].stimulus_parameters", "is required" },
        { "outcome", null, "$.entries[0].outcome", "is required" },
        { "direction", null, "$.entries[0].direction", "is required" },
        { "evidence_strength", null, "$.entries[0].evidence_strength", "is required" },
        { "citations", null, "$.entries[0].citations", "is required" },
        { "citations/0/title", null, "$.entries[0].citations[0].title", "is required" },

        // Types
        { "stimulus_type", "5", "$.entries[0].stimulus_type", "must be a string" },
        { "evidence_strength", "\"0.7\"", "$.entries[0].evidence_strength", "must be a number from 0 to 1" },
        { "stimulus_parameters", "[]", "$.entries[0].stimulus_parameters", "must be an object" },
        { "stimulus_parameters/carrier", "[340]", "$.entries[0].stimulus_parameters['carrier']", "must be a string, a finite number or a boolean" },
        { "stimulus_parameters/carrier", "{\"hz\":340}", "$.entries[0].stimulus_parameters['carrier']", "must be a string, a finite number or a boolean" },
        { "stimulus_parameters/carrier", "null", "$.entries[0].stimulus_parameters['carrier']", "must be a string, a finite number or a boolean" },
        { "direction", "null", "$.entries[0].direction", "must be a string" },
        { "citations", "{}", "$.entries[0].citations", "must be an array" },
        { "citations/0", "\"Garcia-Argibay 2019\"", "$.entries[0].citations[0]", "must be an object" },
        { "citations/0/year", "\"2019\"", "$.entries[0].citations[0].year", "must be a whole number" },
        { "citations/0/doi", "null", "$.entries[0].citations[0].doi", "must be a string" },

        // Ranges
        { "evidence_strength", "1.5", "$.entries[0].evidence_strength", "must be a number from 0 to 1" },
        { "evidence_strength", "-0.1", "$.entries[0].evidence_strength", "must be a number from 0 to 1" },
        { "stimulus_parameters/beat_frequency", "0", "$.entries[0].stimulus_parameters['beat_frequency']", "must be above 0" },
        { "stimulus_parameters/beat_frequency", "150", "$.entries[0].stimulus_parameters['beat_frequency']", "at most 100 Hz" },
        { "stimulus_parameters/beat_frequency", "10", "$.entries[0].stimulus_parameters['beat_frequency']", "10 Hz is alpha, but brainwave_target says gamma" },
        { "stimulus_parameters/pulse_frequency", "6", "$.entries[0].stimulus_parameters['pulse_frequency']", "6 Hz is theta, but brainwave_target says gamma" },

        // Vocabularies
        { "outcome", "\"happiness\"", "$.entries[0].outcome", "'happiness' is not one of" },
        { "direction", "\"promising\"", "$.entries[0].direction", "'promising' is not one of" },
        { "stimulus_parameters/brainwave_target", "\"omega\"", "$.entries[0].stimulus_parameters['brainwave_target']", "must be one of" },
        { "stimulus_type", "\"Binaural Beats\"", "$.entries[0].stimulus_type", "lower snake_case" },

        // DOI syntax
        { "citations/0/doi", "\"doi:10.1007/s00426-018-1066-8\"", "$.entries[0].citations[0].doi", "is not a DOI" },
        { "citations/0/doi", "\"10.12/abc\"", "$.entries[0].citations[0].doi", "is not a DOI" },
        { "citations/0/doi", "\"10.1007/has space\"", "$.entries[0].citations[0].doi", "is not a DOI" },
        { "citations/0/doi", "\"10.1007/\"", "$.entries[0].citations[0].doi", "is not a DOI" },
        { "citations/0/doi", "\"10.1007/x\\n\"", "$.entries[0].citations[0].doi", "is not a DOI" },
        { "citations/0/doi", "\"\"", "$.entries[0].citations[0].doi", "not be blank" },

        // Plausible year
        { "citations/0/year", "1899", "$.entries[0].citations[0].year", "from 1900 to 2027" },
        { "citations/0/year", "2028", "$.entries[0].citations[0].year", "from 1900 to 2027" },
        { "citations/0/year", "2019.5", "$.entries[0].citations[0].year", "must be a whole number" },

        // Titles, authors and other texts: non-blank and bounded
        { "citations/0/title", "\"   \"", "$.entries[0].citations[0].title", "not be blank" },
        { "citations/0/title", TooLongTitle, "$.entries[0].citations[0].title", "1 to 500 characters" },
        { "citations/0/authors", "\"\"", "$.entries[0].citations[0].authors", "not be blank" },
        { "citations/0/authors", TooLongAuthors, "$.entries[0].citations[0].authors", "1 to 1000 characters" },
        { "design", "\"\"", "$.entries[0].design", "not be blank" },
        { "effect", TooLongEffect, "$.entries[0].effect", "1 to 2000 characters" },

        // Parameter names that MongoDB would read as operators or paths
        { "stimulus_parameters/$where", "\"1 == 1\"", "$.entries[0].stimulus_parameters['$where']", "must not start with '$' or contain '.'" },
        { "stimulus_parameters/carrier.hz", "340", "$.entries[0].stimulus_parameters['carrier.hz']", "must not start with '$' or contain '.'" },
        { "stimulus_parameters/", "340", "$.entries[0].stimulus_parameters['']", "1 to 64 characters" },

        // At least one citation, and not a whole bibliography
        { "citations", "[]", "$.entries[0].citations", "1 to 20 citations" },
        { "citations", TooManyCitations, "$.entries[0].citations", "1 to 20 citations" },

        // Unknown properties are typos more often than not
        { "evidence_strenght", "0.7", "$.entries[0]['evidence_strenght']", "is not a known property" },
        { "citations/0/journal", "\"Psychological Research\"", "$.entries[0].citations[0]['journal']", "is not a known property" },
    };

    [Theory]
    [MemberData(nameof(BrokenEntries))]
    public void Should_reject_the_file_with_the_entry_path_when_an_entry_breaks_a_rule(string path, string? json, string expectedPath, string expectedMessage)
    {
        var entry = KnowledgeFiles.ValidEntry();
        Set(entry, path, json);

        var contents = Read(KnowledgeFiles.File("beats.json", KnowledgeFiles.ValidEntry(outcome: "relaxation"), entry));

        Assert.Empty(contents.Entries);
        var problem = Assert.Single(contents.Problems);
        Assert.Equal("beats.json", problem.File);
        Assert.Equal(1, problem.EntryIndex);
        Assert.Equal(expectedPath.Replace("entries[0]", "entries[1]", StringComparison.Ordinal), problem.Path);
        Assert.Contains(expectedMessage, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("positive", 0.25)]
    [InlineData("null", 0.3)]
    [InlineData("negative", 0.15)]
    public void Should_reject_a_strength_the_band_rule_does_not_allow_when_the_direction_caps_it(string direction, double strength)
    {
        var entry = KnowledgeFiles.ValidEntry();
        entry["direction"] = direction;
        entry["evidence_strength"] = strength;

        var problem = Assert.Single(Read(KnowledgeFiles.File("beats.json", entry)).Problems);

        Assert.Equal("$.entries[0].evidence_strength", problem.Path);
        Assert.Contains($"allows a {direction} finding", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("positive", 0.3)]
    [InlineData("mixed", 0.55)]
    [InlineData("null", 0.2)]
    [InlineData("negative", 0.1)]
    public void Should_accept_the_entry_when_its_strength_is_within_what_its_direction_allows(string direction, double strength)
    {
        var entry = KnowledgeFiles.ValidEntry();
        entry["direction"] = direction;
        entry["evidence_strength"] = strength;

        var contents = Read(KnowledgeFiles.File("beats.json", entry));

        Assert.Empty(contents.Problems);
        Assert.Equal(strength, Assert.Single(contents.Entries).EvidenceStrength);
    }

    [Theory]
    [InlineData("{\"entries\": [ {\"stimulus_type\": ", "$", "is not valid JSON")]
    [InlineData("{\"entries\": [], \"entries\": []}", "$", "is not valid JSON")]
    [InlineData("[]", "$", "must be an object")]
    [InlineData("{}", "$.entries", "is required and must be an array")]
    [InlineData("{\"entries\": {}}", "$.entries", "is required and must be an array")]
    [InlineData("{\"entries\": [], \"family\": \"beats\"}", "$['family']", "is not a known property")]
    [InlineData("{\"$schema\": 1, \"entries\": []}", "$.$schema", "must be a string")]
    public void Should_reject_the_file_as_a_whole_when_its_structure_is_wrong(string json, string expectedPath, string expectedMessage)
    {
        var contents = Read(KnowledgeFiles.Text("broken.json", json));

        var problem = Assert.Single(contents.Problems);
        Assert.Null(problem.EntryIndex);
        Assert.Equal(expectedPath, problem.Path);
        Assert.Contains(expectedMessage, problem.Message, StringComparison.Ordinal);
        Assert.True(contents.EntryCount >= 1, "A rejected file counts at least one rejected entry.");
    }

    [Fact]
    public void Should_say_where_the_syntax_breaks_when_the_file_is_not_json()
    {
        var problem = Assert.Single(Read(KnowledgeFiles.Text("broken.json", "{\n  \"entries\": [\n    {,}\n  ]\n}")).Problems);

        Assert.StartsWith("is not valid JSON at line 3, byte 6: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_reject_an_entry_when_it_is_not_an_object()
    {
        var problem = Assert.Single(Read(KnowledgeFiles.File("beats.json", KnowledgeFiles.ValidEntry(), JsonValue.Create(42))).Problems);

        Assert.Equal(1, problem.EntryIndex);
        Assert.Equal("$.entries[1]", problem.Path);
    }

    [Fact]
    public void Should_report_every_problem_of_every_entry_when_several_entries_are_broken()
    {
        var twoProblems = KnowledgeFiles.ValidEntry(outcome: "relaxation");
        twoProblems["evidence_strength"] = 7;
        twoProblems["citations"]![0]!["doi"] = "not a doi";
        var oneProblem = KnowledgeFiles.ValidEntry(outcome: "improved_memory");
        oneProblem.Remove("direction");

        var contents = Read(KnowledgeFiles.File("beats.json", KnowledgeFiles.ValidEntry(), twoProblems, KnowledgeFiles.ValidEntry(outcome: "pain_reduction"), oneProblem));

        Assert.Equal(
            ["$.entries[1].evidence_strength", "$.entries[1].citations[0].doi", "$.entries[3].direction"],
            contents.Problems.Select(problem => problem.Path));
        Assert.Equal([1, 1, 3], contents.Problems.Select(problem => problem.EntryIndex ?? -1));
        Assert.Equal(4, contents.EntryCount);
        Assert.Empty(contents.Entries);
    }

    [Fact]
    public void Should_reject_the_repeat_when_a_file_holds_the_same_finding_twice()
    {
        var first = KnowledgeFiles.ValidEntry();
        var repeat = KnowledgeFiles.ValidEntry(doi: "10.1007/S00426-018-1066-8");
        repeat["stimulus_parameters"] = new JsonObject { ["carrier"] = "340 Hz", ["brainwave_target"] = "gamma", ["beat_frequency"] = 40.0 };
        repeat["evidence_strength"] = 0.5;

        var problem = Assert.Single(Read(KnowledgeFiles.File("beats.json", first, repeat)).Problems);

        Assert.Equal(1, problem.EntryIndex);
        Assert.Contains("repeats entries[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_store_missing_authors_and_year_as_unknown_when_the_source_did_not_show_them()
    {
        var entry = KnowledgeFiles.ValidEntry();
        var citation = entry["citations"]![0]!.AsObject();
        citation.Remove("authors");
        citation.Remove("year");
        citation.Remove("doi");

        var stored = Assert.Single(Read(KnowledgeFiles.File("beats.json", entry)).Entries).Citations[0];

        Assert.Null(stored.Authors);
        Assert.Null(stored.Year);
        Assert.Null(stored.Doi);
    }

    [Fact]
    public void Should_read_the_file_when_it_starts_with_a_byte_order_mark()
    {
        var file = KnowledgeFiles.File("beats.json", KnowledgeFiles.ValidEntry());

        var contents = Read(file with { Utf8Json = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(file.Utf8Json.ToArray()).ToArray() });

        Assert.Empty(contents.Problems);
        Assert.Single(contents.Entries);
    }

    [Fact]
    public void Should_keep_parameter_types_and_compute_the_natural_key_when_the_entry_is_valid()
    {
        var entry = Assert.Single(Read(KnowledgeFiles.File("beats.json", KnowledgeFiles.ValidEntry())).Entries);

        Assert.Equal(40, entry.StimulusParameters["beat_frequency"].AsInt32);
        Assert.Equal("gamma", entry.StimulusParameters["brainwave_target"].AsString);
        Assert.Equal(KnowledgeNaturalKey.Compute(entry), entry.NaturalKey);
    }

    private static KnowledgeFileContents Read(KnowledgeFile file) => KnowledgeFileReader.Read(file, LatestYear);

    private static string Quoted(string text) => JsonSerializer.Serialize(text);

    private static void Set(JsonObject entry, string path, string? json)
    {
        var segments = path.Split('/');
        JsonNode parent = entry;
        foreach (var segment in segments[..^1])
        {
            parent = int.TryParse(segment, out var index) ? parent[index]! : parent[segment]!;
        }

        var last = segments[^1];
        var value = json is null ? null : JsonNode.Parse(json);
        if (parent is JsonArray array)
        {
            array[int.Parse(last)] = value;
        }
        else if (json is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }
}
