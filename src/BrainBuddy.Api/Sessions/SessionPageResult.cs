using System.Reflection;
using System.Text.Json;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage;
using Microsoft.AspNetCore.Http.Metadata;

namespace BrainBuddy.Api.Sessions;

/// <summary>
/// A page of sessions written as JSON straight from the stored BSON: the same document <see cref="SessionPage"/> of
/// <see cref="SessionOutput"/>s serialises to (a test compares them byte for byte), without an object per item.
/// Listing is the app's most frequent read, and deserialising, mapping and serialising each item was most of its cost.
/// </summary>
public sealed class SessionPageResult(Page<StoredSession> page) : IResult, IEndpointMetadataProvider
{
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText NextCursor = JsonEncodedText.Encode("next_cursor");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        Write(writer, page);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static void Write(Utf8JsonWriter writer, Page<StoredSession> page)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(Items);
        foreach (var session in page.Items)
        {
            SessionJson.Write(writer, session.Bson);
        }

        writer.WriteEndArray();
        writer.WriteString(NextCursor, page.NextCursor);
        writer.WriteEndObject();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SessionPage), ["application/json"]));
}

/// <summary>One stored session as the JSON of its <see cref="SessionOutput"/>: the same fields in the same order, nulls included.</summary>
public static class SessionJson
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ModuleType = JsonEncodedText.Encode("module_type");
    private static readonly JsonEncodedText BrainwaveTarget = JsonEncodedText.Encode("brainwave_target");
    private static readonly JsonEncodedText GeneratedContent = JsonEncodedText.Encode("generated_content");
    private static readonly JsonEncodedText UserRating = JsonEncodedText.Encode("user_rating");
    private static readonly JsonEncodedText EffectivenessScore = JsonEncodedText.Encode("effectiveness_score");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText DurationSeconds = JsonEncodedText.Encode("duration_seconds");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("created_at");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updated_at");

    /// <summary>The stored names, in output order ("_id" is written as "id"; "user_id" is not written).</summary>
    private static readonly byte[][] StoredNames =
        [.. new[] { "_id", "module_type", "brainwave_target", "generated_content", "user_rating", "effectiveness_score", "timestamp", "duration_seconds", "created_at", "updated_at" }
            .Select(System.Text.Encoding.UTF8.GetBytes)];

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> bson)
    {
        // Where each output field's value lies, by output position: BSON has no index, so one pass finds them all.
        Span<ValueLocation> values = stackalloc ValueLocation[StoredNames.Length];
        var elements = new RawBsonElements(bson);
        while (elements.MoveNext())
        {
            if (Field(elements.Current.Name) is var field and >= 0)
            {
                values[field] = new ValueLocation(elements.Current.Type, elements.CurrentValueOffset, elements.Current.Value.Length);
            }
        }

        writer.WriteStartObject();
        WriteId(writer, Required(bson, values[0]));
        WriteValueOrNull(writer, ModuleType, bson, values[1]);
        WriteValueOrNull(writer, BrainwaveTarget, bson, values[2]);
        WriteValueOrNull(writer, GeneratedContent, bson, values[3]);
        WriteValueOrNull(writer, UserRating, bson, values[4]);
        WriteValueOrNull(writer, EffectivenessScore, bson, values[5]);
        writer.WriteString(Timestamp, Required(bson, values[6]).DateTime);
        WriteValueOrNull(writer, DurationSeconds, bson, values[7]);
        writer.WriteString(CreatedAt, Required(bson, values[8]).DateTime);
        writer.WriteString(UpdatedAt, Required(bson, values[9]).DateTime);
        writer.WriteEndObject();
    }

    private static int Field(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < StoredNames.Length; i++)
        {
            if (name.SequenceEqual(StoredNames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static RawBsonElement Required(ReadOnlySpan<byte> bson, ValueLocation value) =>
        value.IsPresent ? value.In(bson) : throw new InvalidDataException("A stored session lacks a required field.");

    private static void WriteId(Utf8JsonWriter writer, RawBsonElement id)
    {
        Span<char> hex = stackalloc char[24];
        Convert.TryToHexStringLower(id.Value, hex, out _);
        writer.WriteString(Id, hex);
    }

    /// <summary>The stored value as its JSON, or null where the document leaves the field out (BSON omits nulls).</summary>
    private static void WriteValueOrNull(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<byte> bson, ValueLocation value)
    {
        writer.WritePropertyName(name);
        if (value.IsPresent)
        {
            BsonToJson.WriteValue(writer, value.In(bson));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>A value found in the first pass, so writing it needs no second parse; the default marks a field left out.</summary>
    private readonly record struct ValueLocation(RawBsonType Type, int Start, int Length)
    {
        public bool IsPresent => Type != default;

        /// <summary>The value as an element; its name is not kept (the output names its fields itself).</summary>
        public RawBsonElement In(ReadOnlySpan<byte> bson) => new(Type, default, bson.Slice(Start, Length));
    }
}
