namespace BrainBuddy.Audio.Synthesis;

/// <summary>The phase of one oscillator over the whole timeline: its segments laid end to end, each starting where the last ended.</summary>
internal sealed class PhaseTrack
{
    private readonly TrackSegment[] _segments;

    private PhaseTrack(TrackSegment[] segments) => _segments = segments;

    /// <summary>Builds a track from (frames, start Hz, end Hz, shape) pieces; pieces of zero frames are dropped.</summary>
    public static PhaseTrack Build(IEnumerable<TrackPiece> pieces, double sampleRate)
    {
        var segments = new List<TrackSegment>();
        var startFrame = 0L;
        var startCycles = 0.0;
        foreach (var piece in pieces.Where(piece => piece.Frames > 0))
        {
            TrackSegment segment = piece switch
            {
                _ when piece.From == piece.To => new HoldSegment(startFrame, piece.Frames, startCycles, sampleRate, piece.From),
                { Smooth: true } => new SmoothSlideSegment(startFrame, piece.Frames, startCycles, sampleRate, piece.From, piece.To),
                _ => new LinearSlideSegment(startFrame, piece.Frames, startCycles, sampleRate, piece.From, piece.To),
            };
            segments.Add(segment);
            startFrame = segment.EndFrame;

            // Wrapping keeps the start phase in [0, 1) so its double resolution does not erode over an hour of segments.
            startCycles = CycleMath.Frac(startCycles + segment.CyclesAdvanced);
        }

        return new PhaseTrack([.. segments]);
    }

    public long TotalFrames => _segments.Length == 0 ? 0 : _segments[^1].EndFrame;

    /// <summary>Writes the phase in cycles of frames [firstFrame, firstFrame + destination.Length).</summary>
    public void Fill(long firstFrame, Span<float> destination)
    {
        var index = 0;
        for (var done = 0; done < destination.Length;)
        {
            var (segment, count) = Locate(firstFrame + done, destination.Length - done, ref index);
            segment.Fill(firstFrame + done - segment.StartFrame, destination.Slice(done, count));
            done += count;
        }
    }

    /// <summary>accumulator[i] += gain * sin(phase of frame firstFrame + i); <paramref name="scratch"/> is at least as long.</summary>
    public void AddSine(long firstFrame, float gain, Span<float> accumulator, Span<float> scratch)
    {
        var index = 0;
        for (var done = 0; done < accumulator.Length;)
        {
            var (segment, count) = Locate(firstFrame + done, accumulator.Length - done, ref index);
            segment.AddSine(firstFrame + done - segment.StartFrame, gain, accumulator.Slice(done, count), scratch);
            done += count;
        }
    }

    /// <summary>The segment holding <paramref name="frame"/> (searching on from <paramref name="index"/>) and how many of the wanted frames it covers.</summary>
    private (TrackSegment Segment, int Count) Locate(long frame, int wanted, ref int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frame + wanted, TotalFrames, nameof(wanted));
        while (frame >= _segments[index].EndFrame)
        {
            index++;
        }

        return (_segments[index], (int)Math.Min(wanted, _segments[index].EndFrame - frame));
    }
}

/// <summary>A stretch of one oscillator's frequency curve.</summary>
internal readonly record struct TrackPiece(long Frames, double From, double To, bool Smooth);
