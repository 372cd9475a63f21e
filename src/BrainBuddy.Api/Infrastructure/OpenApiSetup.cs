using BrainBuddy.Api.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace BrainBuddy.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddBrainBuddyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Brain Buddy API",
                    Version = "v1",
                    Description = "Sign in, record training sessions and habits, fetch audio, evidence and recommendations. "
                        + "JSON uses snake_case; errors are RFC 9457 problem details; list endpoints page with an opaque `cursor`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[AccessTokenHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The access_token from POST /api/v1/auth/login or /refresh.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AccessTokenHandler.SchemeName, context.Document)] = [] });
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing, expired or revoked access token." });
                }

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapBrainBuddyOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(options => options.WithTitle("Brain Buddy API")).AllowAnonymous();
        }

        return app;
    }
}
