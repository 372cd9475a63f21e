using Prometheus;

namespace BrainBuddy.Api.Operations;

/// <summary>Audio rendering metrics; the audio endpoint calls <see cref="BytesRendered"/> with what it streamed.</summary>
public static class AudioMetrics
{
    private static readonly Counter Bytes = Prometheus.Metrics.CreateCounter("brainbuddy_audio_bytes_rendered_total", "WAV bytes rendered and sent to clients.");

    public static void BytesRendered(long bytes) => Bytes.Inc(bytes);
}
