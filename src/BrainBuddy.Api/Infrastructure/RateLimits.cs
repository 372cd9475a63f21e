using System.Globalization;
using System.Threading.RateLimiting;
using BrainBuddy.Api.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>Request budgets (section <c>RateLimits</c>): per client IP on sign-in routes and on all writes, per user on writes.</summary>
public sealed class RateLimitOptions
{
    public int AuthPermitsPerMinute { get; set; } = 20;

    public int UserWritesPerMinute { get; set; } = 600;

    public int RetrainsPerHour { get; set; } = 6;

    /// <summary>Writes (POST, PUT, PATCH, DELETE) per client IP, signed in or not: caps one machine's abuse across accounts.</summary>
    public int IpWritesPerMinute { get; set; } = 1200;
}

public static class RateLimits
{
    public const string Auth = "auth";
    public const string UserWrites = "user-writes";
    public const string Retrain = "retrain";

    public static IServiceCollection AddBrainBuddyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Auth, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AuthPermitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy(UserWrites, context => PerUser(context, options.UserWritesPerMinute, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(Retrain, context => PerUser(context, options.RetrainsPerHour, TimeSpan.FromHours(1)));
            // Runs before the endpoint's own policy, on every route.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsWrite(context.Request.Method)
                ? TokenBucket("ip:" + context.Connection.RemoteIpAddress, options.IpWritesPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = $"Retry after {retryAfter} seconds." },
                });
            };
        });
    }

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static RateLimitPartition<string> PerUser(HttpContext context, int permits, TimeSpan period) =>
        TokenBucket(context.User.Identity?.IsAuthenticated == true ? context.User.UserId() : "ip:" + context.Connection.RemoteIpAddress, permits, period);

    // Token buckets refill smoothly, so a client that spaces its writes never hits the wall a fixed window has.
    private static RateLimitPartition<string> TokenBucket(string key, int permits, TimeSpan period) =>
        RateLimitPartition.GetTokenBucketLimiter(
            key,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = permits,
                ReplenishmentPeriod = period,
                AutoReplenishment = true,
            });
}
