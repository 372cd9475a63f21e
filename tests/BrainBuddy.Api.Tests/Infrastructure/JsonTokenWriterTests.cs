using System.Buffers;
using System.Text;
using System.Text.Json;
using BrainBuddy.Api.Infrastructure;

namespace BrainBuddy.Api.Tests.Infrastructure;

/// <summary>Every token must come out byte for byte as <see cref="Utf8JsonWriter"/> writes it with default options.</summary>
public sealed class JsonTokenWriterTests
{
    public static TheoryData<string> Strings =>
    [
        "", "alpha", "pfc_gym", "Café", "naïve résumé", "日本語", "🧠 focus", "<b>&amp;</b>", "it's \"quoted\"", "back\\slash",
        "new\nline\ttab\rreturn\bbell\f", "\u0000\u001f\u007f", "a+b=c`d`", "\u2028\u2029", new string('x', 5000), new string('é', 3000),
    ];

    [Fact]
    public void Should_leave_exactly_the_ascii_characters_unescaped_that_System_Text_Json_leaves()
    {
        for (var character = 0; character < 128; character++)
        {
            var text = ((char)character).ToString();

            Assert.Equal(Expected(writer => writer.WriteStringValue(text)), Written((ref json) => json.Text(Encoding.UTF8.GetBytes(text))));
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Should_escape_strings_as_System_Text_Json_does(string text) =>
        Assert.Equal(Expected(writer => writer.WriteStringValue(text)), Written((ref json) => json.Text(Encoding.UTF8.GetBytes(text))));

    [Fact]
    public void Should_replace_invalid_utf8_as_System_Text_Json_does() =>
        Assert.Equal(Expected(writer => writer.WriteStringValue([0x61, 0xC3, 0x28])), Written((ref json) => json.Text([0x61, 0xC3, 0x28])));

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    [InlineData(-200.0)]
    [InlineData(0.7)]
    [InlineData(1e-7)]
    [InlineData(123.456)]
    [InlineData(999_999_999_999_999.0)]
    [InlineData(1e15)]
    [InlineData(-1e15)]
    [InlineData(1e16)]
    [InlineData(9_007_199_254_740_993.0)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    public void Should_write_doubles_as_System_Text_Json_does(double value) =>
        Assert.Equal(Expected(writer => writer.WriteNumberValue(value)), Written((ref json) => json.Number(value)));

    [Fact]
    public void Should_write_negative_zero_as_System_Text_Json_does() =>
        Assert.Equal(Expected(writer => writer.WriteNumberValue(-0.0)), Written((ref json) => json.Number(-0.0)));

    [Fact]
    public void Should_write_random_whole_and_fractional_doubles_as_System_Text_Json_does()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 20_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-3, 18));
            var value = random.Next(3) switch
            {
                0 => Math.Round(random.NextDouble() * magnitude),
                1 => -Math.Round(random.NextDouble() * magnitude),
                _ => (random.NextDouble() - 0.5) * magnitude,
            };

            Assert.Equal(Expected(writer => writer.WriteNumberValue(value)), Written((ref json) => json.Number(value)));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Should_refuse_numbers_json_cannot_express(double value) =>
        Assert.Throws<InvalidDataException>(() => Written((ref json) => json.Number(value)));

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(600L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Should_write_integers_as_System_Text_Json_does(long value) =>
        Assert.Equal(Expected(writer => writer.WriteNumberValue(value)), Written((ref json) => json.Number(value)));

    [Theory]
    [InlineData("2026-12-06T22:45:02.316Z")]
    [InlineData("2026-12-06T22:45:02.310Z")]
    [InlineData("2026-12-06T22:45:02.300Z")]
    [InlineData("2026-12-06T22:45:02.000Z")]
    [InlineData("2026-12-06T22:45:02.001Z")]
    [InlineData("2000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.999Z")]
    public void Should_write_utc_times_as_System_Text_Json_does(string time)
    {
        var utc = DateTime.Parse(time, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(Expected(writer => writer.WriteStringValue(utc)), Written((ref json) => json.UtcTime(utc)));
    }

    [Fact]
    public void Should_write_ids_as_lowercase_hex() =>
        Assert.Equal("\"65f1a2b3c4d5e6f708192a3b\"", Written((ref json) => json.LowercaseHex(Convert.FromHexString("65F1A2B3C4D5E6F708192A3B"))));

    [Fact]
    public void Should_write_a_document_larger_than_one_chunk_in_order()
    {
        var expected = Expected(writer =>
        {
            writer.WriteStartArray();
            for (var i = 0; i < 2000; i++)
            {
                writer.WriteNumberValue(i * 1.5);
            }

            writer.WriteEndArray();
        });

        Assert.Equal(expected, Written((ref json) =>
        {
            json.Raw((byte)'[');
            for (var i = 0; i < 2000; i++)
            {
                if (i > 0)
                {
                    json.Raw((byte)',');
                }

                json.Number(i * 1.5);
            }

            json.Raw((byte)']');
        }));
    }

    [Fact]
    public void Should_not_advance_an_output_it_never_asked_for_memory()
    {
        // Kestrel's response writer throws on an Advance that no GetMemory or GetSpan came before, even of zero bytes.
        var output = new StrictBufferWriter();
        var json = new JsonTokenWriter(output);

        json.Flush();
        json.Raw("{}"u8);
        json.Flush();
        json.Flush();

        Assert.Equal("{}", Encoding.UTF8.GetString(output.Written.WrittenSpan));
    }

    private static string Expected(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Written(WriteTokens write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var json = new JsonTokenWriter(buffer);
        write(ref json);
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private delegate void WriteTokens(ref JsonTokenWriter json);

    /// <summary>An output that, like Kestrel's, allows an Advance only after memory was asked of it.</summary>
    private sealed class StrictBufferWriter : IBufferWriter<byte>
    {
        private bool lent;

        public ArrayBufferWriter<byte> Written { get; } = new();

        public void Advance(int count)
        {
            Assert.True(lent, "Advance without GetSpan or GetMemory");
            lent = false;
            Written.Advance(count);
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            lent = true;
            return Written.GetMemory(sizeHint);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            lent = true;
            return Written.GetSpan(sizeHint);
        }
    }
}
