using System.Diagnostics;
using BrainBuddy.Api.Accounts;

namespace BrainBuddy.Api.Operations;

/// <summary>
/// One structured line per request: trace id, user id, method, route pattern, status and duration. It logs the
/// route pattern (<c>/api/v1/sessions/{id}</c>), never the query string, headers or body, so no email, token or
/// password can reach the logs through it.
/// </summary>
public static partial class RequestLogging
{
    public const string Category = "BrainBuddy.Api.Requests";

    /// <summary>Outermost, so the line carries the final status even when an exception became a problem response.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.RequestCompleted(
                        context.Request.Method,
                        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)",
                        context.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                        context.User.UserIdOrNull() ?? "-",
                        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
                }
            }
        });
    }

    [LoggerMessage(2010, LogLevel.Information, "{Method} {Route} {StatusCode} in {ElapsedMilliseconds:0.0} ms, user {UserId}, trace {TraceId}")]
    private static partial void RequestCompleted(this ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds, string userId, string traceId);
}
