using System.Text.Json;
using System.Text.RegularExpressions;
using BrainBuddy.Data.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>
/// The one place where exceptions become RFC 9457 problems. Input errors name the field; storage conflicts
/// are 409; anything unexpected is a 500 that is logged and shows no detail to the client.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = bad.StatusCode == 413 ? "Request body too large" : "Bad request", Detail = bad.StatusCode == 413 ? "The request body exceeds 1 MB." : bad.Message },
            InvalidCursorException => Validation("cursor", "is not a cursor this listing issued."),
            DuplicateKeyException duplicate => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = $"A resource with this {duplicate.Key} already exists." },
            Accounts.AccountBusyException busy => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = busy.Message },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => new ProblemDetails { Status = 499, Title = "Client closed request" },
            _ => null,
        };

        if (problem is null)
        {
            logger.UnhandledException(exception, httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails InvalidJson(JsonException exception)
    {
        if (UnknownMember().Match(exception.Message) is { Success: true } unknown)
        {
            return Validation(FieldName(exception.Path, unknown.Groups[1].Value), "is not a known field.");
        }

        var field = FieldName(exception.Path, null);
        return EnumTarget().Match(exception.Message) is { Success: true } target && EnumValues.TryGetValue(target.Groups[1].Value, out var allowed)
            ? Validation(field, $"must be one of: {allowed}.")
            : Validation(field, "has a value of the wrong type or format.");
    }

    private static string FieldName(string? path, string? member)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        if (member is not null && !field.EndsWith(member, StringComparison.Ordinal))
        {
            field = field.Length == 0 ? member : $"{field}.{member}";
        }

        return field.Length == 0 ? "body" : field;
    }

    /// <summary>The snake_case values of every enum the API reads, by the type name System.Text.Json reports.</summary>
    private static readonly Dictionary<string, string> EnumValues = typeof(Data.ModuleType).Assembly.GetTypes()
        .Concat(typeof(ApiExceptionHandler).Assembly.GetTypes())
        .Concat(typeof(BrainBuddy.Audio.Requests.VoiceKind).Assembly.GetTypes())
        .Where(type => type.IsEnum && type.IsPublic)
        .ToDictionary(
            type => type.FullName!,
            type => string.Join(", ", Enum.GetNames(type).Select(Data.Storage.BsonConfiguration.ToSnakeCase)),
            StringComparer.Ordinal);

    [GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?([\w.]+)")]
    private static partial Regex EnumTarget();

    private static HttpValidationProblemDetails Validation(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more validation errors occurred.",
    };

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMember();
}
