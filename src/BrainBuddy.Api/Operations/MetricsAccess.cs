using BrainBuddy.Data.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace BrainBuddy.Api.Operations;

/// <summary>
/// <c>/metrics</c> is open in Development; elsewhere a scraper must call from <see cref="MetricsOptions.AllowedNetworks"/>
/// or present an admin's token. Metrics name routes and counts, no user data, but they still map the service.
/// </summary>
public sealed class MetricsAccessRequirement : IAuthorizationRequirement
{
    public const string Policy = "metrics";
}

internal sealed class MetricsAccessHandler(IHostEnvironment environment, IOptions<MetricsOptions> options) : AuthorizationHandler<MetricsAccessRequirement>
{
    private readonly IReadOnlyList<System.Net.IPNetwork> networks = options.Value.Networks();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsAccessRequirement requirement)
    {
        if (environment.IsDevelopment() || context.User.IsInRole(RoleNames.Admin) || IsFromAllowedNetwork(context.Resource as HttpContext))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool IsFromAllowedNetwork(HttpContext? http)
    {
        if (http?.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(network => network.Contains(address));
    }
}
