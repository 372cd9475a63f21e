using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

using Microsoft.AspNetCore.Http.HttpResults;

namespace BrainBuddy.Api.Infrastructure;

/// <summary>Strong validators for single resources: a resource's id and last change identify its representation.</summary>
public static class ETags
{
    public static string For(string id, DateTime updatedAt) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{updatedAt.Ticks}")))[..20]}\"";

    /// <summary>
    /// The answer to a create that the client retried with an id it had already used: 200 with the stored resource and
    /// its Location, so a retry after a lost response never creates a second one.
    /// </summary>
    public static Ok<T> Retried<T>(HttpContext context, string location, T output)
    {
        context.Response.Headers.Location = location;
        return TypedResults.Ok(output);
    }

    /// <summary>Sets the ETag and tells whether the client already holds this version (answer 304).</summary>
    public static bool IsCurrent(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "private, no-cache";
        return context.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*"));
    }
}

/// <summary>Query parsing shared by the list endpoints, with errors named after the query parameter.</summary>
public static class QueryRules
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int Limit(int? limit, ValidationErrors errors)
    {
        errors.Range("limit", limit, 1, MaxLimit);
        return limit ?? DefaultLimit;
    }

    public static DateTime? Time(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        errors.Add(field, "must be an ISO 8601 date-time, e.g. 2026-01-31T08:00:00Z.");
        return null;
    }

    public static TEnum? Enum<TEnum>(string? value, string field, ValidationErrors errors)
        where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Data.Storage.EnumName.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, $"must be one of: {string.Join(", ", Data.Storage.EnumName.All<TEnum>())}.");
        return null;
    }

    /// <summary>Ids are 24 hex characters; anything else cannot name a resource, so it is simply not found.</summary>
    public static bool IsId(string id) => id.Length == 24 && MongoDB.Bson.ObjectId.TryParse(id, out _);
}
