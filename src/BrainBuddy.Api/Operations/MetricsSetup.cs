using BrainBuddy.Training.Personalization.Serving;
using Microsoft.AspNetCore.Authorization;
using Prometheus;

namespace BrainBuddy.Api.Operations;

public static class MetricsSetup
{
    /// <summary>Prometheus metrics: HTTP, store, MongoDB pool, model cache, retraining, audio, process and GC.</summary>
    public static IHostApplicationBuilder AddBrainBuddyMetrics(this IHostApplicationBuilder builder)
    {
        // The .NET meters adapter would listen to every framework instrument on every request and duplicate the
        // HTTP metrics below; process, GC and runtime counters stay.
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(options => options.IsValid(), "Metrics:AllowedNetworks must be CIDR networks such as 10.0.0.0/8.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IAuthorizationHandler, MetricsAccessHandler>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsAccessRequirement.Policy, policy => policy.AddRequirements(new MetricsAccessRequirement()));
        return builder;
    }

    /// <summary>Request count and latency by route pattern, method and status; after routing, so the route is known.</summary>
    public static IApplicationBuilder UseBrainBuddyHttpMetrics(this IApplicationBuilder app) => app.UseHttpMetrics();

    public static IEndpointRouteBuilder MapBrainBuddyMetrics(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<PersonalModelCache>() is { } cache)
        {
            ModelCacheMetrics.Watch(cache);
        }

        app.MapMetrics().RequireAuthorization(MetricsAccessRequirement.Policy).DisableRateLimiting();
        return app;
    }
}
