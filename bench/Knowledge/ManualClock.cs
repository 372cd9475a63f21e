namespace BrainBuddy.Bench.Knowledge;

/// <summary>System time plus a jump, so the bench can pass the ranking cache's lifetime without waiting for it.</summary>
internal sealed class ManualClock : TimeProvider
{
    private TimeSpan jump;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + jump;

    public void Advance(TimeSpan by) => jump += by;
}
