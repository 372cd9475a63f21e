using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BrainBuddy.Api.Tests.Infrastructure;

/// <summary>
/// The real API on a throw-away embedded store (a fresh temp directory per instance), with a low bcrypt cost
/// and a movable clock. Tokens are real: clients sign up and sign in through the API. <paramref name="services"/>
/// replaces or adds services after the host's own registrations.
/// </summary>
public sealed class BrainBuddyApplication(
    Dictionary<string, string?>? settings = null,
    string environment = "Testing",
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "brainbuddy-api-tests", Guid.NewGuid().ToString("N"));

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Storage:EmbeddedFullSync"] = "false",
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["BRAINBUDDY_MODEL_KEYS"] = $"test1:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            // Tests run queued jobs themselves, so no background worker races them.
            ["Jobs:RunServer"] = "false",
            ["Auth:BcryptWorkFactor"] = "4",
            ["Auth:UserStateCacheSeconds"] = "5",
            ["RateLimits:AuthPermitsPerMinute"] = "100000",
            ["RateLimits:UserWritesPerMinute"] = "100000",
            ["RateLimits:IpWritesPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        foreach (var (key, value) in configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(registrations =>
        {
            registrations.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(registrations);
        });
    }

    /// <summary>Signs up a new user and returns a client that sends their access token.</summary>
    public async Task<UserClient> SignUpAsync(string? email = null, string role = "user")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var client = CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password });
        registered.EnsureSuccessStatusCode();
        var profile = await registered.Content.ReadFromJsonAsync<ProfileBody>();
        if (role != "user")
        {
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Users.User>>();
            var user = await users.FindByIdAsync(profile!.UserId);
            (await users.AddToRoleAsync(user!, role)).Succeeded.ShouldBeTrue();
        }

        var tokens = await LoginAsync(client, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new UserClient(client, profile!.UserId, email, tokens);
    }

    /// <summary>Sends one request straight into the server, from <paramref name="remoteIp"/> (the test client has no address).</summary>
    public async Task<HttpContext> SendFromAsync(string remoteIp, string method, string path, string? accessToken = null, string? forwardedFor = null)
    {
        var context = await Server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remoteIp);
            if (accessToken is not null)
            {
                http.Request.Headers.Authorization = "Bearer " + accessToken;
            }

            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        return context;
    }

    public static async Task<TokenBody> LoginAsync(HttpClient client, string email, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

public sealed record UserClient(HttpClient Http, string UserId, string Email, TokenBody Tokens);

public sealed record TokenBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string RefreshToken);

public sealed record ProfileBody([property: System.Text.Json.Serialization.JsonPropertyName("user_id")] string UserId);

/// <summary>The system clock, shifted by <see cref="Offset"/>.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

internal static class ShouldExtensions
{
    public static void ShouldBeTrue(this bool value) => Assert.True(value);
}
