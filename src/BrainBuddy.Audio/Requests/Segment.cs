namespace BrainBuddy.Audio.Requests;

/// <summary>
/// A stretch of the timeline that holds or slides the beat and carrier frequencies.
/// A missing start value continues from the previous segment's end; a missing end value holds the start value.
/// </summary>
public sealed record Segment
{
    /// <summary>Length in seconds.</summary>
    public double Duration { get; init; }

    /// <summary>Beat frequency in Hz at the start of the segment.</summary>
    public double? Beat { get; init; }

    /// <summary>Beat frequency in Hz at the end of the segment.</summary>
    public double? BeatEnd { get; init; }

    /// <summary>Carrier frequency in Hz at the start of the segment.</summary>
    public double? Carrier { get; init; }

    /// <summary>Carrier frequency in Hz at the end of the segment.</summary>
    public double? CarrierEnd { get; init; }

    public SlideShape Slide { get; init; } = SlideShape.Linear;
}
