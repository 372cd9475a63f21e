using BrainBuddy.Audio.Requests;
using BrainBuddy.Audio.Validation;

namespace BrainBuddy.Audio.Rendering;

/// <summary>
/// A validated timeline ready to stream as a 16-bit PCM stereo WAV. Knows its exact length and strong ETag before
/// rendering a sample, and renders any byte range on demand. Thread-safe: each write or stream renders independently.
/// </summary>
public sealed class WavRenderer
{
    public const string ContentType = "audio/wav";

    private readonly RenderPlan _plan;
    private readonly byte[] _header;

    private WavRenderer(RenderPlan plan)
    {
        _plan = plan;
        _header = WavHeader.Create(plan.SampleRate, plan.TotalFrames);
        ContentLength = WavHeader.FileBytes(plan.TotalFrames);
    }

    /// <summary>Exact size of the whole file in bytes, header included.</summary>
    public long ContentLength { get; }

    /// <summary>Strong entity tag, quoted: a hash of the canonical parameters, the seed and the format version.</summary>
    public string ETag => _plan.ETag;

    public long Frames => _plan.TotalFrames;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)_plan.TotalFrames / _plan.SampleRate);

    /// <exception cref="ArgumentException">The timeline breaks a limit; call <see cref="AudioLimits.Validate(AudioTimeline)"/> first to get the errors per field.</exception>
    public static WavRenderer Create(AudioTimeline timeline)
    {
        var errors = AudioLimits.Validate(timeline);
        if (errors.Count > 0)
        {
            var summary = string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
            throw new ArgumentException($"The timeline is not renderable: {summary}", nameof(timeline));
        }

        return new WavRenderer(new RenderPlan(timeline));
    }

    /// <summary>A read-only seekable stream over the file that renders as it is read (hand it to Results.Stream with range processing).</summary>
    public Stream OpenRead() => new WavStream(new WavByteSource(_plan, _header));

    public Task WriteAsync(Stream destination, CancellationToken cancellationToken = default) =>
        WriteAsync(destination, 0, ContentLength, cancellationToken);

    /// <summary>Writes bytes [offset, offset + count) of the file, rendering only the chunks that hold them.</summary>
    public async Task WriteAsync(Stream destination, long offset, long count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + count, ContentLength, nameof(count));

        using var source = new WavByteSource(_plan, _header);
        var end = offset + count;
        for (var position = offset; position < end;)
        {
            var bytes = source.BytesAt(position);
            bytes = bytes[..(int)Math.Min(bytes.Length, end - position)];
            await destination.WriteAsync(bytes, cancellationToken);
            position += bytes.Length;
        }
    }
}
