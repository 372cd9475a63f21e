namespace BrainBuddy.Api.Tests.Operations;

/// <summary>
/// Process-wide state: prometheus-net keeps one registry per process (the model-cache gauges follow the last host
/// started), and Hangfire one job storage. Tests that read or drive it run alone, so no other host starts in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalMetricsTests
{
    public const string Name = "global metrics";
}
