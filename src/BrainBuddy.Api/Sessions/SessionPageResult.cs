using System.Buffers;
using System.Reflection;
using System.Runtime.CompilerServices;
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
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        Write(httpContext.Response.BodyWriter, page);
        return httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted).AsTask();
    }

    public static void Write(IBufferWriter<byte> output, Page<StoredSession> page)
    {
        var json = new JsonTokenWriter(output);
        json.Raw("{\"items\":["u8);
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (i > 0)
            {
                json.Raw((byte)',');
            }

            SessionJson.Write(ref json, page.Items[i].Bson);
        }

        json.Raw("],\"next_cursor\":"u8);
        if (page.NextCursor is { } cursor)
        {
            json.Text(System.Text.Encoding.UTF8.GetBytes(cursor));
        }
        else
        {
            json.Null();
        }

        json.Raw((byte)'}');
        json.Flush();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SessionPage), ["application/json"]));
}

/// <summary>One stored session as the JSON of its <see cref="SessionOutput"/>: the same fields in the same order, nulls included.</summary>
public static class SessionJson
{
    private const int OutputFields = 10;

    /// <summary>The stored names, in output order ("_id" is written as "id"; "user_id" is not written).</summary>
    private static readonly byte[][] StoredNames =
        [.. new[] { "_id", "module_type", "brainwave_target", "generated_content", "user_rating", "effectiveness_score", "timestamp", "duration_seconds", "created_at", "updated_at" }
            .Select(System.Text.Encoding.UTF8.GetBytes)];

    public static void Write(ref JsonTokenWriter json, ReadOnlySpan<byte> bson)
    {
        // Where each output field's value lies, by output position: BSON has no index, so one pass finds them all.
        var values = default(ValueLocations);
        var elements = new RawBsonElements(bson);
        while (elements.MoveNext())
        {
            if (Field(elements.Current.Name) is var field and >= 0)
            {
                values[field] = new ValueLocation(elements.Current.Type, elements.CurrentValueOffset, elements.Current.Value.Length);
            }
        }

        json.Raw("{\"id\":"u8);
        json.LowercaseHex(Required(bson, values[0]).Value);
        WriteValueOrNull(ref json, ",\"module_type\":"u8, bson, values[1]);
        WriteValueOrNull(ref json, ",\"brainwave_target\":"u8, bson, values[2]);
        WriteValueOrNull(ref json, ",\"generated_content\":"u8, bson, values[3]);
        WriteValueOrNull(ref json, ",\"user_rating\":"u8, bson, values[4]);
        WriteValueOrNull(ref json, ",\"effectiveness_score\":"u8, bson, values[5]);
        json.Raw(",\"timestamp\":"u8);
        json.UtcTime(Required(bson, values[6]).DateTime);
        WriteValueOrNull(ref json, ",\"duration_seconds\":"u8, bson, values[7]);
        json.Raw(",\"created_at\":"u8);
        json.UtcTime(Required(bson, values[8]).DateTime);
        json.Raw(",\"updated_at\":"u8);
        json.UtcTime(Required(bson, values[9]).DateTime);
        json.Raw((byte)'}');
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

    /// <summary>The stored value as its JSON, or null where the document leaves the field out (BSON omits nulls).</summary>
    private static void WriteValueOrNull(ref JsonTokenWriter json, ReadOnlySpan<byte> separatorAndName, ReadOnlySpan<byte> bson, ValueLocation value)
    {
        json.Raw(separatorAndName);
        if (value.IsPresent)
        {
            BsonToJson.WriteValue(ref json, value.In(bson));
        }
        else
        {
            json.Null();
        }
    }

    /// <summary>
    /// One location per output field. An inline array rather than a stackalloc: a method with a stackalloc is compiled
    /// once without the JIT's later tiers and zeroes the space through memset, which made writing a page a quarter slower.
    /// </summary>
    [InlineArray(OutputFields)]
    private struct ValueLocations
    {
        private ValueLocation first;
    }

    /// <summary>A value found in the first pass, so writing it needs no second parse; the default marks a field left out.</summary>
    private readonly record struct ValueLocation(RawBsonType Type, int Start, int Length)
    {
        public bool IsPresent => Type != default;

        /// <summary>The value as an element; its name is not kept (the output names its fields itself).</summary>
        public RawBsonElement In(ReadOnlySpan<byte> bson) => new(Type, default, bson.Slice(Start, Length));
    }
}
