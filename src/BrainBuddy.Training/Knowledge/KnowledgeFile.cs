namespace BrainBuddy.Training.Knowledge;

/// <summary>One knowledge file as received: its name (used in every problem reported) and its UTF-8 JSON.</summary>
public sealed record KnowledgeFile(string Name, ReadOnlyMemory<byte> Utf8Json);
