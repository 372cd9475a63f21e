using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Storage;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// Loads knowledge files into the store. Each file is all or nothing: one problem anywhere in it rejects the whole
/// file, and an accepted file is written in one <see cref="IKnowledgeRepository.UpsertManyAsync"/> call (one
/// transaction). Entries are matched by natural key, so loading the same files again reports them unchanged and
/// writes nothing. A storage failure is not a rejection: it propagates, and files loaded before it stay loaded.
/// </summary>
public sealed class KnowledgeLoader
{
    /// <summary>Lives next to the data files in seed/knowledge/, and is not one of them.</summary>
    public const string SchemaFileName = "schema.json";

    private readonly IKnowledgeRepository repository;
    private readonly TimeProvider clock;

    public KnowledgeLoader(IKnowledgeRepository repository, TimeProvider clock)
    {
        this.repository = repository;
        this.clock = clock;
        // Dry runs compare entries as BSON; the class maps must see our conventions before their first use.
        BsonConfiguration.Register();
    }

    /// <summary>
    /// Loads one file, or every <c>*.json</c> file directly in a folder except <see cref="SchemaFileName"/>,
    /// in ordinal name order. A missing path or a folder without data files is reported as a rejected source.
    /// </summary>
    public async Task<KnowledgeLoadReport> LoadPathAsync(string fileOrFolder, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileOrFolder);
        string[] paths;
        if (File.Exists(fileOrFolder))
        {
            paths = [fileOrFolder];
        }
        else if (Directory.Exists(fileOrFolder))
        {
            paths = Directory.GetFiles(fileOrFolder, "*.json", SearchOption.TopDirectoryOnly)
                .Where(path => !string.Equals(Path.GetFileName(path), SchemaFileName, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        else
        {
            return Unreadable(fileOrFolder, "no such file or folder.", dryRun);
        }

        if (paths.Length == 0)
        {
            return Unreadable(fileOrFolder, "the folder holds no *.json knowledge files.", dryRun);
        }

        var files = new List<KnowledgeFile>(paths.Length);
        foreach (var path in paths)
        {
            files.Add(new KnowledgeFile(path, await File.ReadAllBytesAsync(path, cancellationToken)));
        }

        return await LoadAsync(files, dryRun, cancellationToken);
    }

    /// <summary>Loads the files in the order given; a dry run reads the store to predict the counts and writes nothing.</summary>
    public async Task<KnowledgeLoadReport> LoadAsync(IReadOnlyList<KnowledgeFile> files, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var latestYear = clock.GetUtcNow().Year + 1;
        var tally = new Tally(dryRun);
        // A key loaded from an earlier file in the same run: a second file with it would overwrite the first on every
        // load, so the run could never settle into "unchanged".
        var loadedKeys = new Dictionary<string, (string File, int Index)>(StringComparer.Ordinal);
        var prediction = dryRun ? new DryRunPrediction(repository) : null;
        foreach (var file in files)
        {
            var contents = KnowledgeFileReader.Read(file, latestYear);
            var problems = contents.Problems.Concat(RepeatsOfEarlierFiles(contents, loadedKeys)).ToList();
            if (problems.Count > 0)
            {
                tally.Reject(contents.EntryCount, problems);
                continue;
            }

            for (var index = 0; index < contents.Entries.Count; index++)
            {
                loadedKeys.Add(contents.Entries[index].NaturalKey, (file.Name, index));
            }

            tally.Count(prediction is null
                ? await repository.UpsertManyAsync(contents.Entries, cancellationToken)
                : await prediction.PredictAsync(contents.Entries, cancellationToken));
        }

        return tally.ToReport();
    }

    private static List<KnowledgeProblem> RepeatsOfEarlierFiles(KnowledgeFileContents contents, Dictionary<string, (string File, int Index)> loadedKeys)
    {
        var repeats = new List<KnowledgeProblem>();
        for (var index = 0; index < contents.Entries.Count; index++)
        {
            if (loadedKeys.TryGetValue(contents.Entries[index].NaturalKey, out var earlier))
            {
                repeats.Add(new KnowledgeProblem(
                    contents.File,
                    index,
                    $"$.entries[{index}]",
                    $"repeats entries[{earlier.Index}] of {earlier.File}: same stimulus type, parameters, outcome and source."));
            }
        }

        return repeats;
    }

    private static KnowledgeLoadReport Unreadable(string source, string message, bool dryRun) =>
        new(0, 0, 0, Rejected: 1, dryRun, [new KnowledgeProblem(source, null, "$", message)]);

    private sealed class Tally(bool dryRun)
    {
        private readonly List<KnowledgeProblem> problems = [];
        private int added;
        private int updated;
        private int unchanged;
        private int rejected;

        public void Reject(int entryCount, IEnumerable<KnowledgeProblem> fileProblems)
        {
            rejected += entryCount;
            problems.AddRange(fileProblems);
        }

        public void Count(IEnumerable<UpsertOutcome> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                switch (outcome)
                {
                    case UpsertOutcome.Added:
                        added++;
                        break;
                    case UpsertOutcome.Updated:
                        updated++;
                        break;
                    case UpsertOutcome.Unchanged:
                        unchanged++;
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(outcomes), outcome, "An upsert outcome this tally does not know.");
                }
            }
        }

        public KnowledgeLoadReport ToReport() => new(added, updated, unchanged, rejected, dryRun, problems);
    }

    /// <summary>Predicts what <see cref="IKnowledgeRepository.UpsertManyAsync"/> would answer, using the same content comparison.</summary>
    private sealed class DryRunPrediction(IKnowledgeRepository repository)
    {
        // The store has no lookup by natural key, so the entries of each outcome are read once per run.
        private readonly Dictionary<string, Dictionary<string, KnowledgeEntry>> storedByOutcome = new(StringComparer.Ordinal);

        public async Task<IReadOnlyList<UpsertOutcome>> PredictAsync(IReadOnlyList<KnowledgeEntry> entries, CancellationToken cancellationToken)
        {
            var outcomes = new List<UpsertOutcome>(entries.Count);
            foreach (var entry in entries)
            {
                var stored = await StoredAsync(entry.Outcome, cancellationToken);
                outcomes.Add(stored.TryGetValue(entry.NaturalKey, out var existing)
                    ? KnowledgeContent.Equal(existing, entry) ? UpsertOutcome.Unchanged : UpsertOutcome.Updated
                    : UpsertOutcome.Added);
            }

            return outcomes;
        }

        private async Task<Dictionary<string, KnowledgeEntry>> StoredAsync(string outcome, CancellationToken cancellationToken)
        {
            if (!storedByOutcome.TryGetValue(outcome, out var stored))
            {
                var entries = await repository.ListByOutcomeAsync(outcome, cancellationToken);
                stored = entries.ToDictionary(entry => entry.NaturalKey, StringComparer.Ordinal);
                storedByOutcome.Add(outcome, stored);
            }

            return stored;
        }
    }
}
