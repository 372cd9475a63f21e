using BrainBuddy.Data.Storage;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>
/// Writes JSON straight from stored BSON bytes, without building a document object first. Free-form objects hold
/// only what JSON can express (objects, arrays, strings, numbers, booleans, null); any other BSON type reads as null.
/// </summary>
public static class BsonToJson
{
    /// <summary>Writes the BSON document that starts at the beginning of <paramref name="document"/> as a JSON object.</summary>
    public static void WriteObject(ref JsonTokenWriter json, ReadOnlySpan<byte> document)
    {
        json.Raw((byte)'{');
        var first = true;
        foreach (var element in new RawBsonElements(document))
        {
            if (!first)
            {
                json.Raw((byte)',');
            }

            first = false;
            json.Text(element.Name);
            json.Raw((byte)':');
            WriteValue(ref json, element);
        }

        json.Raw((byte)'}');
    }

    public static void WriteValue(ref JsonTokenWriter json, RawBsonElement element)
    {
        switch (element.Type)
        {
            case RawBsonType.Document:
                WriteObject(ref json, element.Value);
                break;
            case RawBsonType.Array:
                json.Raw((byte)'[');
                var first = true;
                foreach (var item in new RawBsonElements(element.Value))
                {
                    if (!first)
                    {
                        json.Raw((byte)',');
                    }

                    first = false;
                    WriteValue(ref json, item);
                }

                json.Raw((byte)']');
                break;
            case RawBsonType.Text:
                json.Text(element.Utf8String);
                break;
            case RawBsonType.Integer32:
                json.Number(element.Integer32);
                break;
            case RawBsonType.Integer64:
                json.Number(element.Integer64);
                break;
            case RawBsonType.Real:
                json.Number(element.Real);
                break;
            case RawBsonType.Boolean:
                json.Boolean(element.Value[0] != 0);
                break;
            default:
                json.Null();
                break;
        }
    }
}
