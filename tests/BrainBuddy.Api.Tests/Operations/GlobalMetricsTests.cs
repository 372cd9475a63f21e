namespace BrainBuddy.Api.Tests.Operations;

/// <summary>
/// prometheus-net keeps one registry per process, and the model-cache gauges follow the last host started. Tests
/// that read those values run alone, so no other test's host starts in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalMetricsTests
{
    public const string Name = "global metrics";
}
