using BrainBuddy.Data.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrainBuddy.Api.Infrastructure;

public static class HealthApi
{
    public sealed record Health(string Status, string? Backend = null);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous().DisableRateLimiting();
        group.MapGet("/live", () => TypedResults.Ok(new Health("live"))).WithName("Live").WithSummary("The process is up");
        group.MapGet("/ready", Ready).WithName("Ready").WithSummary("The store answers; safe to send traffic");
        return app;
    }

    private static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> Ready(IDataStore store, CancellationToken cancellationToken) =>
        await store.PingAsync(cancellationToken)
            ? TypedResults.Ok(new Health("ready", store.Backend))
            : TypedResults.Json(new Health("unavailable", store.Backend), statusCode: StatusCodes.Status503ServiceUnavailable);
}
