using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>HTTPS settings (section <c>Https</c>).</summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>Redirect /api to HTTPS and send HSTS. Unset: on everywhere but Development and Testing.</summary>
    public bool? Enforce { get; set; }

    /// <summary>The HTTPS port clients reach (the proxy's, when TLS ends there).</summary>
    public int Port { get; set; } = 443;

    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary>Browser origins allowed to call the API (section <c>Cors</c>); none by default, as the mobile app needs none.</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    public string[]? AllowedOrigins { get; set; }
}

/// <summary>Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (section <c>Proxy</c>).</summary>
public sealed class ProxySettings
{
    public const string Section = "Proxy";

    /// <summary>The proxies' networks in CIDR notation; unset: forwarded headers are ignored and the TCP peer is the client.</summary>
    public string[]? KnownNetworks { get; set; }
}

/// <summary>Transport security, browser-facing headers and CORS.</summary>
public static class Hardening
{
    /// <summary>The environment the API tests run in: production-like, but plain HTTP.</summary>
    public const string TestingEnvironment = "Testing";

    public static IHostApplicationBuilder AddBrainBuddyHardening(this IHostApplicationBuilder builder)
    {
        var https = builder.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        builder.Services.Configure<HttpsRedirectionOptions>(options => options.HttpsPort = https.Port);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(https.HstsMaxAgeDays);
            options.IncludeSubDomains = true;
        });

        var proxies = (builder.Configuration.GetSection(ProxySettings.Section).Get<ProxySettings>()?.KnownNetworks ?? []).Select(network =>
            System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Proxy:KnownNetworks must be CIDR networks such as 10.0.0.0/8; '{network}' is not.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            proxies.ForEach(options.KnownIPNetworks.Add);
        });

        var origins = builder.Configuration.GetSection(CorsSettings.Section).Get<CorsSettings>()?.AllowedOrigins ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Location", "ETag", "Retry-After")));
        return builder;
    }

    public static WebApplication UseBrainBuddyHardening(this WebApplication app)
    {
        // First, so rate limits, the metrics network check and the HTTPS redirect see the client, not the proxy. Only with
        // proxies configured: with no known networks at all, the middleware would believe anyone's forwarded headers.
        if (app.Configuration.GetSection(ProxySettings.Section).Get<ProxySettings>()?.KnownNetworks is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }
        var https = app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        if (https.Enforce ?? !(app.Environment.IsDevelopment() || app.Environment.IsEnvironment(TestingEnvironment)))
        {
            app.UseHsts();
            // Only the API carries credentials; probes and scrapers keep plain HTTP on the internal network.
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseHttpsRedirection());
        }

        app.UseSecurityHeaders();
        app.UseCors();
        return app;
    }

    /// <summary>
    /// Every response is JSON (or a metrics page) that no browser should render, frame or leak a referrer from. The
    /// Scalar reference, served in Development only, needs its scripts, so it gets no Content-Security-Policy.
    /// </summary>
    private static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var scalarIsServed = app.Environment.IsDevelopment();
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!(scalarIsServed && context.Request.Path.StartsWithSegments("/scalar")))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            }

            return next(context);
        });
    }
}
