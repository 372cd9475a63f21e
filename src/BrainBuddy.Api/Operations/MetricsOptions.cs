using System.Net;

namespace BrainBuddy.Api.Operations;

/// <summary>Who may scrape <c>/metrics</c> outside Development (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Client networks in CIDR notation (e.g. <c>10.0.0.0/8</c>); unset means loopback only. Admins may scrape from anywhere.</summary>
    public string[]? AllowedNetworks { get; set; }

    public IReadOnlyList<IPNetwork> Networks() =>
        AllowedNetworks is { Length: > 0 } configured
            ? [.. configured.Select(IPNetwork.Parse)]
            : [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public bool IsValid() => AllowedNetworks is null || AllowedNetworks.All(network => IPNetwork.TryParse(network, out _));
}
