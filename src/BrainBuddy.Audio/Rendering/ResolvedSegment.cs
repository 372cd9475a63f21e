using BrainBuddy.Audio.Requests;

namespace BrainBuddy.Audio.Rendering;

/// <summary>A segment with every frequency filled in: missing starts continue the previous end, missing ends hold.</summary>
internal readonly record struct ResolvedSegment(
    double Duration, double Beat, double BeatEnd, double Carrier, double CarrierEnd, SlideShape Slide)
{
    public bool Holds => Beat == BeatEnd && Carrier == CarrierEnd;

    public static ResolvedSegment[] ResolveAll(IReadOnlyList<Segment> segments)
    {
        // Noise-only timelines carry no frequencies; zero stands in because no oscillator reads them.
        var beat = 0.0;
        var carrier = 0.0;
        var resolved = new ResolvedSegment[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var beatStart = segment.Beat ?? beat;
            var carrierStart = segment.Carrier ?? carrier;
            beat = segment.BeatEnd ?? beatStart;
            carrier = segment.CarrierEnd ?? carrierStart;
            resolved[i] = new ResolvedSegment(segment.Duration, beatStart, beat, carrierStart, carrier, segment.Slide);
        }

        return resolved;
    }
}
