using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrainBuddy.Api.Tests.Infrastructure;

internal static class Json
{
    public static async Task<JsonNode> BodyAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    /// <summary>Asserts a 400 validation problem that names <paramref name="field"/>.</summary>
    public static async Task ShouldNameFieldAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}' in {body}");
    }

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static string Of(object value) => JsonSerializer.Serialize(value);
}
