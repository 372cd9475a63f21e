using System.Buffers.Text;
using System.Text.Json;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Api.Operations;
using BrainBuddy.Audio.Presets;
using BrainBuddy.Audio.Rendering;
using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BrainBuddy.Api.Audio;

/// <summary>
/// Renders session audio on request, streamed in chunks (memory does not grow with duration). The bytes depend only
/// on the parameters, so responses carry a strong ETag and may be cached; GET responses honour Range, so a player
/// can seek and resume.
/// </summary>
public static class AudioApi
{
    /// <summary>A day: the same parameters always give the same bytes, so the cache only bounds a client's storage.</summary>
    private const string CacheControl = "private, max-age=86400";

    public static RouteGroupBuilder MapAudioApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audio").WithTags("Audio").RequireAuthorization();
        group.MapGet("/presets", () => TypedResults.Ok(AudioPresets.All)).WithName("AudioPresets").WithSummary("Brainwave targets with their band and default beat and carrier");
        group.MapGet("/binaural", Binaural).WithName("BinauralAudio").WithSummary("A binaural-beat WAV for a target (supports Range and If-None-Match)");
        group.MapPost("/render", Render).WithName("RenderAudio").WithSummary("A WAV for a full timeline of voices and segments; Content-Location names a GET form that supports Range");
        group.MapGet("/timelines/{timeline}", RenderStored).WithName("TimelineAudio").WithSummary("The WAV of a timeline encoded in the URL by POST /render (supports Range)");
        return group;
    }

    private static Results<FileStreamHttpResult, ValidationProblem> Binaural(HttpContext context)
    {
        if (!BinauralQuery.TryParse(name => context.Request.Query[name].FirstOrDefault(), out var request, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return Stream(context, WavRenderer.Create(request!.ToTimeline()));
    }

    private static Results<FileStreamHttpResult, ValidationProblem> Render(AudioTimeline timeline, HttpContext context, IOptions<JsonOptions> json)
    {
        var errors = AudioLimits.Validate(timeline);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var encoded = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(timeline, json.Value.SerializerOptions));
        context.Response.Headers.ContentLocation = $"/api/v1/audio/timelines/{encoded}";
        return Stream(context, WavRenderer.Create(timeline));
    }

    private static Results<FileStreamHttpResult, ValidationProblem> RenderStored(string timeline, HttpContext context, IOptions<JsonOptions> json)
    {
        AudioTimeline? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize<AudioTimeline>(Base64Url.DecodeFromChars(timeline), json.Value.SerializerOptions);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
        }

        var errors = parsed is null ? new Dictionary<string, string[]> { ["timeline"] = ["is not a timeline that POST /api/v1/audio/render issued."] } : AudioLimits.Validate(parsed);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : Stream(context, WavRenderer.Create(parsed!));
    }

    private static FileStreamHttpResult Stream(HttpContext context, WavRenderer wav)
    {
        context.Response.Headers.CacheControl = CacheControl;
        // Counted when the response completes, so 304s and ranges count what was actually sent.
        context.Response.OnCompleted(() =>
        {
            AudioMetrics.BytesRendered(context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status206PartialContent ? context.Response.ContentLength ?? 0 : 0);
            return Task.CompletedTask;
        });
        return TypedResults.Stream(wav.OpenRead(), WavRenderer.ContentType, enableRangeProcessing: true, entityTag: EntityTagHeaderValue.Parse(wav.ETag));
    }
}
