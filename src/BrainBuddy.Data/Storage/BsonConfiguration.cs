using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace BrainBuddy.Data.Storage;

/// <summary>
/// The one place that decides how documents look in BSON. Both backends store these exact bytes
/// (the embedded store keeps the BSON as a blob), so a round trip through either is a round trip
/// through MongoDB's own serializer.
/// </summary>
public static class BsonConfiguration
{
    private static int registered;

    /// <summary>
    /// Runs when this assembly loads. BsonClassMaps freeze the first time a type is serialised, so the conventions
    /// must be in place before any code can touch a document type; a call from start-up code could come too late.
    /// </summary>
#pragma warning disable CA2255 // The 'ModuleInitializer' attribute should not be used in libraries: this library's types are unusable without it.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterOnLoad() => Register();

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        var conventions = new ConventionPack
        {
            new IgnoreExtraElementsConvention(true),
            new SnakeCaseElementNameConvention(),
            new ObjectIdStringConvention(),
            new SnakeCaseEnumConvention(),
            new IgnoreIfNullConvention(true),
        };
        ConventionRegistry.Register("brain_buddy", conventions, type => type.Namespace?.StartsWith("BrainBuddy", StringComparison.Ordinal) == true);
        BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
        BsonSerializer.TryRegisterSerializer(new DateTimeSerializer(DateTimeKind.Utc));
    }

    /// <summary>"UserId" → "user_id"; the id member is always "_id".</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return builder.ToString();
    }

    private sealed class SnakeCaseElementNameConvention() : ConventionBase("SnakeCaseElementName"), IMemberMapConvention
    {
        public void Apply(BsonMemberMap memberMap) => memberMap.SetElementName(ToSnakeCase(memberMap.MemberName));
    }

    /// <summary>Ids are 24-hex strings in C# and the API, and ObjectIds in MongoDB (so are the user_id references).</summary>
    private sealed class ObjectIdStringConvention() : ConventionBase("ObjectIdString"), IMemberMapConvention
    {
        public void Apply(BsonMemberMap memberMap)
        {
            if (memberMap.MemberType == typeof(string) && memberMap.MemberName is "Id" or "UserId")
            {
                memberMap.SetSerializer(new StringSerializer(BsonType.ObjectId));
            }
        }
    }

    private sealed class SnakeCaseEnumConvention() : ConventionBase("SnakeCaseEnum"), IMemberMapConvention
    {
        public void Apply(BsonMemberMap memberMap)
        {
            var type = memberMap.MemberType;
            var underlying = Nullable.GetUnderlyingType(type);
            if (type.IsEnum)
            {
                memberMap.SetSerializer(CreateEnumSerializer(type));
            }
            else if (underlying is { IsEnum: true })
            {
                var inner = CreateEnumSerializer(underlying);
                var nullable = typeof(NullableSerializer<>).MakeGenericType(underlying);
                memberMap.SetSerializer((IBsonSerializer)Activator.CreateInstance(nullable, inner)!);
            }
        }

        private static IBsonSerializer CreateEnumSerializer(Type enumType) =>
            (IBsonSerializer)Activator.CreateInstance(typeof(SnakeCaseEnumSerializer<>).MakeGenericType(enumType))!;
    }
}

/// <summary>Writes <c>PfcGym</c> as <c>"pfc_gym"</c>, matching the API's JSON and the app's schema.</summary>
public sealed class SnakeCaseEnumSerializer<TEnum> : StructSerializerBase<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args) =>
        EnumName.Parse<TEnum>(context.Reader.ReadString());

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, TEnum value) =>
        context.Writer.WriteString(EnumName.Of(value));
}
