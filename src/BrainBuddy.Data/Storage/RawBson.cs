using System.Buffers.Binary;

namespace BrainBuddy.Data.Storage;

/// <summary>The BSON element types this reader knows the size of (the values are BSON's own type codes).</summary>
public enum RawBsonType : byte
{
    Real = 0x01,
    Text = 0x02,
    Document = 0x03,
    Array = 0x04,
    Binary = 0x05,
    Undefined = 0x06,
    ObjectId = 0x07,
    Boolean = 0x08,
    DateTime = 0x09,
    Null = 0x0A,
    Integer32 = 0x10,
    Timestamp = 0x11,
    Integer64 = 0x12,
    Decimal128 = 0x13,
    MinKey = 0xFF,
    MaxKey = 0x7F,
}

/// <summary>One element of a BSON document: its type, its name (UTF-8) and the bytes of its value.</summary>
public readonly ref struct RawBsonElement(RawBsonType type, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
{
    public RawBsonType Type { get; } = type;

    public ReadOnlySpan<byte> Name { get; } = name;

    public ReadOnlySpan<byte> Value { get; } = value;

    public int Integer32 => BinaryPrimitives.ReadInt32LittleEndian(Value);

    public long Integer64 => BinaryPrimitives.ReadInt64LittleEndian(Value);

    public double Real => BinaryPrimitives.ReadDoubleLittleEndian(Value);

    /// <summary>A string's UTF-8 bytes, without BSON's length prefix and terminating zero.</summary>
    public ReadOnlySpan<byte> Utf8String => Value[4..^1];

    public DateTime DateTime => DateTime.UnixEpoch.AddMilliseconds(Integer64);
}

/// <summary>Enumerates the elements of one BSON document (or array) without allocating.</summary>
public ref struct RawBsonElements
{
    private readonly ReadOnlySpan<byte> document;
    private int position;

    public RawBsonElements(ReadOnlySpan<byte> document)
    {
        this.document = document[..BinaryPrimitives.ReadInt32LittleEndian(document)];
        position = 4;
    }

    public RawBsonElement Current { get; private set; }

    /// <summary>Where <see cref="Current"/>'s value starts in the document.</summary>
    public int CurrentValueOffset { get; private set; }

    public readonly RawBsonElements GetEnumerator() => this;

    /// <exception cref="InvalidDataException">The bytes are not a BSON document of the types above.</exception>
    public bool MoveNext()
    {
        var type = (RawBsonType)document[position];
        if (type == 0)
        {
            return false;
        }

        var nameStart = position + 1;
        var nameLength = document[nameStart..].IndexOf((byte)0);
        var valueStart = nameStart + nameLength + 1;
        var valueLength = SizeOf(type, document[valueStart..]);
        Current = new RawBsonElement(type, document.Slice(nameStart, nameLength), document.Slice(valueStart, valueLength));
        CurrentValueOffset = valueStart;
        position = valueStart + valueLength;
        return true;
    }

    private static int SizeOf(RawBsonType type, ReadOnlySpan<byte> value) => type switch
    {
        RawBsonType.Real or RawBsonType.DateTime or RawBsonType.Integer64 or RawBsonType.Timestamp => 8,
        RawBsonType.Text => 4 + BinaryPrimitives.ReadInt32LittleEndian(value),
        RawBsonType.Document or RawBsonType.Array => BinaryPrimitives.ReadInt32LittleEndian(value),
        RawBsonType.Binary => 5 + BinaryPrimitives.ReadInt32LittleEndian(value),
        RawBsonType.ObjectId => 12,
        RawBsonType.Boolean => 1,
        RawBsonType.Integer32 => 4,
        RawBsonType.Decimal128 => 16,
        RawBsonType.Null or RawBsonType.Undefined or RawBsonType.MinKey or RawBsonType.MaxKey => 0,
        _ => throw new InvalidDataException($"BSON element type 0x{(byte)type:x2} is not one the store writes."),
    };
}
