using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace BrainBuddy.Api.Infrastructure;

public static class WebServiceExtensions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>JSON, problem details, body limits and the single exception mapping.</summary>
    public static IHostApplicationBuilder AddBrainBuddyWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBrainBuddyJson();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["trace_id"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Bad bodies throw, so ApiExceptionHandler can name the field instead of answering an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddBrainBuddyRateLimits(builder.Configuration);
        builder.Services.AddBrainBuddyOpenApi();
        return builder;
    }

    /// <summary>Refuses declared oversize bodies before any endpoint reads them, on every server (the test server has no Kestrel limit).</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.ContentLength > MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 413, Title = "Request body too large", Detail = "The request body exceeds 1 MB." },
            }).AsTask();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBodyBytes;
        }

        return next(context);
    });
}
