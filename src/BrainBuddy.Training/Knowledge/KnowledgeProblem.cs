namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// One thing wrong with a knowledge file. <see cref="EntryIndex"/> is 0-based, as in <see cref="Path"/>
/// (<c>$.entries[3].citations[0].doi</c>), and null for problems with the file as a whole.
/// </summary>
public sealed record KnowledgeProblem(string File, int? EntryIndex, string Path, string Message)
{
    public override string ToString() => $"{File} {Path}: {Message}";
}
