using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using BrainBuddy.Api.Tests.Infrastructure;

namespace BrainBuddy.Api.Tests.Audio;

public sealed class AudioApiTests : IAsyncLifetime
{
    private const string Alpha = "/api/v1/audio/binaural?target=alpha&duration=2&sample_rate=22050&fade=0.5";

    private readonly BrainBuddyApplication app = new();
    private UserClient user = null!;

    public async ValueTask InitializeAsync() => user = await app.SignUpAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Should_list_a_preset_per_brainwave_target()
    {
        var presets = (await (await user.Http.GetAsync("/api/v1/audio/presets")).BodyAsync()).AsArray();

        Assert.Equal(["delta", "theta", "alpha", "beta", "gamma"], presets.Select(p => p!["target"]!.ToString()));
        Assert.All(presets, p => Assert.InRange(p!["default_beat_hz"]!.GetValue<double>(), p["band_low_hz"]!.GetValue<double>(), p["band_high_hz"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Should_stream_a_wav_with_exact_length_strong_etag_and_cache_headers()
    {
        var response = await user.Http.GetAsync(Alpha);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(44 + (2 * 22050 * 4), response.Content.Headers.ContentLength);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Contains("max-age", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(22050, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)));
    }

    [Theory]
    [InlineData(0, 43)]
    [InlineData(40, 5000)]
    [InlineData(65_560, 65_600)]
    [InlineData(100_000, 100_010)]
    [InlineData(100_000, 176_443)]
    public async Task Should_answer_a_range_with_the_same_bytes_as_the_full_file(int from, int to)
    {
        var full = await (await user.Http.GetAsync(Alpha)).Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Alpha);
        request.Headers.Range = new RangeHeaderValue(from, to);

        var partial = await user.Http.SendAsync(request);
        var bytes = await partial.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(full[from..(to + 1)], bytes);
    }

    [Fact]
    public async Task Should_answer_304_to_a_client_holding_the_same_parameters()
    {
        var etag = (await user.Http.GetAsync(Alpha)).Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, Alpha);
        request.Headers.IfNoneMatch.Add(etag);

        Assert.Equal(HttpStatusCode.NotModified, (await user.Http.SendAsync(request)).StatusCode);
        Assert.NotEqual(etag, (await user.Http.GetAsync(Alpha + "&beat=9")).Headers.ETag);
    }

    [Theory]
    [InlineData("target=kappa", "target")]
    [InlineData("target=alpha&carrier=5000", "carrier")]
    [InlineData("target=alpha&beat=0.1", "beat")]
    [InlineData("target=alpha&beat=60", "beat")]
    [InlineData("target=alpha&duration=3601", "duration")]
    [InlineData("target=alpha&volume=0.9", "volume")]
    [InlineData("target=alpha&sample_rate=8000", "sample_rate")]
    [InlineData("target=alpha&noise=purple", "noise")]
    public async Task Should_refuse_unsafe_or_unknown_parameters_naming_them(string query, string field)
    {
        await (await user.Http.GetAsync($"/api/v1/audio/binaural?{query}")).ShouldNameFieldAsync(field);
    }

    [Fact]
    public async Task Should_render_a_timeline_and_name_a_seekable_get_form_of_it()
    {
        var timeline = new
        {
            voices = new object[] { new { kind = "binaural" }, new { kind = "pink_noise", level = 0.2 } },
            segments = new object[] { new { duration = 1, beat = 14, carrier = 200 }, new { duration = 1, beat_end = 10, slide = "smooth" } },
            fade_in = 0.2,
            fade_out = 0.2,
            sample_rate = 22050,
        };

        var posted = await user.Http.PostAsJsonAsync("/api/v1/audio/render", timeline);
        var bytes = await posted.Content.ReadAsByteArrayAsync();
        using var range = new HttpRequestMessage(HttpMethod.Get, posted.Content.Headers.ContentLocation);
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        var seeked = await user.Http.SendAsync(range);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(44 + (2 * 22050 * 4), bytes.Length);
        Assert.Equal(HttpStatusCode.PartialContent, seeked.StatusCode);
        Assert.Equal(bytes[1000..2000], await seeked.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Should_refuse_an_invalid_timeline_naming_the_field()
    {
        var timeline = new { voices = new object[] { new { kind = "binaural" } }, segments = new object[] { new { duration = 10, beat = 10, carrier = 200, beat_end = 80 } } };

        await (await user.Http.PostAsJsonAsync("/api/v1/audio/render", timeline)).ShouldNameFieldAsync("segments[0].beat_end");
        await (await user.Http.GetAsync("/api/v1/audio/timelines/forged")).ShouldNameFieldAsync("timeline");
    }

    [Fact]
    public async Task Should_require_sign_in()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Alpha)).StatusCode);
    }
}
