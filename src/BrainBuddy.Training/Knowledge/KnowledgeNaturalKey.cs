using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using BrainBuddy.Data.Knowledge;
using MongoDB.Bson;

namespace BrainBuddy.Training.Knowledge;

/// <summary>
/// What makes two entries "the same finding": SHA-256 (lower-case hex) of canonical JSON holding the stimulus type,
/// the parameters sorted by name, the outcome and the source of the first citation (<see cref="KnowledgeCitation.SourceOf"/>).
/// Everything else (strength, direction, texts) is content: changing it updates the entry instead of adding one.
/// </summary>
public static class KnowledgeNaturalKey
{
    public static string Compute(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Citations.Count == 0)
        {
            throw new ArgumentException("An entry needs a citation to have a natural key.", nameof(entry));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("stimulus_type", entry.StimulusType);
            writer.WriteStartObject("parameters");
            foreach (var parameter in entry.StimulusParameters.OrderBy(element => element.Name, StringComparer.Ordinal))
            {
                writer.WritePropertyName(parameter.Name);
                WriteScalar(writer, parameter.Value);
            }

            writer.WriteEndObject();
            writer.WriteString("outcome", entry.Outcome);
            writer.WriteString("source", KnowledgeCitation.SourceOf(entry.Citations[0]));
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    // Numbers are written by value, so 40 and 40.0 name the same stimulus.
    private static void WriteScalar(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.String:
                writer.WriteStringValue(value.AsString);
                break;
            case BsonType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case BsonType.Int32 or BsonType.Int64:
                writer.WriteNumberValue(value.ToInt64());
                break;
            case BsonType.Double when double.IsInteger(value.AsDouble) && Math.Abs(value.AsDouble) < (1L << 53):
                writer.WriteNumberValue((long)value.AsDouble);
                break;
            case BsonType.Double:
                writer.WriteNumberValue(value.AsDouble);
                break;
            default:
                throw new ArgumentException($"Stimulus parameters hold strings, numbers or booleans, not {value.BsonType}.", nameof(value));
        }
    }
}
