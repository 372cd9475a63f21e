// Kills the service with SIGKILL three times while clients write sessions, restarts it each time, then checks that
// every session the service acknowledged (2xx) is stored. Loopback only, bounded in time; exit 1 if any is missing.
// Usage: dotnet run -c Release --project bench/faults -- <path to a published BrainBuddy.Api.dll> [port]
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

var apiDll = Path.GetFullPath(args[0]);
var port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5090;
var baseAddress = new Uri($"http://127.0.0.1:{port}");
var dataDirectory = Directory.CreateTempSubdirectory("brainbuddy-faults").FullName;
var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

var modelKeys = "faults:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
var deadline = Stopwatch.StartNew();
const int Kills = 3;
const int Writers = 16;
const int Users = 4;

using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
var server = await StartAsync();
try
{
    var tokens = new List<(string UserId, string Token)>();
    for (var i = 0; i < Users; i++)
    {
        tokens.Add(await SignUpAsync($"fault-{i}-{Guid.NewGuid():N}@example.com"));
    }

    var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    var failedAttempts = 0L;
    using var stop = new CancellationTokenSource();
    var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
    {
        var (userId, token) = tokens[w % Users];
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        while (!stop.IsCancellationRequested)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            try
            {
                using var response = await client.PostAsJsonAsync("/api/v1/sessions", new
                {
                    id,
                    module_type = "movers",
                    duration_seconds = 300,
                    user_rating = 4,
                    generated_content = new { minutes = 5 },
                });
                if (response.IsSuccessStatusCode)
                {
                    acknowledged[id] = userId;
                }
                else
                {
                    Interlocked.Increment(ref failedAttempts);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // The server is down or restarting: no answer, no acknowledgement.
                Interlocked.Increment(ref failedAttempts);
                await Task.Delay(20);
            }
        }
    })).ToArray();

    for (var kill = 1; kill <= Kills; kill++)
    {
        var before = acknowledged.Count;
        var round = Stopwatch.StartNew();
        while (acknowledged.Count < before + 500 && round.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(20);
        }

        await Task.Delay(Random.Shared.Next(50, 300));
        server.Kill(entireProcessTree: true); // SIGKILL: no graceful shutdown, no flush
        await server.WaitForExitAsync();
        Console.WriteLine($"kill {kill}: {acknowledged.Count} acknowledged so far");
        server = await StartAsync();
    }

    await Task.Delay(1000);
    await stop.CancelAsync();
    await Task.WhenAll(writers);

    var stored = new HashSet<string>(StringComparer.Ordinal);
    foreach (var (_, token) in tokens)
    {
        stored.UnionWith(await ListAllAsync(token));
    }

    var missing = acknowledged.Keys.Count(id => !stored.Contains(id));
    var unacknowledged = stored.Count(id => !acknowledged.ContainsKey(id));
    Console.WriteLine($"RESULT kills={Kills} writers={Writers} acknowledged={acknowledged.Count} missing={missing} " +
        $"stored_but_unacknowledged={unacknowledged} failed_attempts={failedAttempts} seconds={deadline.Elapsed.TotalSeconds:0}");
    return missing == 0 ? 0 : 1;
}
finally
{
    if (!server.HasExited)
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
    }

    server.Dispose();
    Directory.Delete(dataDirectory, recursive: true);
}

async Task<Process> StartAsync()
{
    var start = new ProcessStartInfo("dotnet", [apiDll, "--urls", baseAddress.ToString()])
    {
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        Environment =
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["BRAINBUDDY_DATA_DIR"] = dataDirectory,
            ["BRAINBUDDY_JWT_KEY"] = signingKey,
            ["BRAINBUDDY_MODEL_KEYS"] = modelKeys,
            ["Https__Enforce"] = "false",
            ["RateLimits__AuthPermitsPerMinute"] = "100000",
            ["RateLimits__UserWritesPerMinute"] = "100000000",
            ["RateLimits__IpWritesPerMinute"] = "100000000",
            ["Auth__BcryptWorkFactor"] = "10",
            ["Logging__LogLevel__Default"] = "Warning",
        },
    };
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    for (var attempt = 0; attempt < 300; attempt++)
    {
        if (deadline.Elapsed > TimeSpan.FromSeconds(100))
        {
            throw new TimeoutException("The fault run went over its time budget.");
        }

        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return process;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("The service did not become ready.");
}

async Task<(string, string)> SignUpAsync(string email)
{
    const string password = "correct horse battery staple";
    var registered = await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password });
    var userId = JsonNode.Parse(await registered.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["user_id"]!.ToString();
    var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
    return (userId, JsonNode.Parse(await login.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["access_token"]!.ToString());
}

async Task<List<string>> ListAllAsync(string token)
{
    var ids = new List<string>();
    string? cursor = null;
    do
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions?limit=100{(cursor is null ? "" : "&cursor=" + cursor)}");
        request.Headers.Authorization = new("Bearer", token);
        var page = JsonNode.Parse(await (await http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync())!;
        ids.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.ToString()));
        cursor = page["next_cursor"]?.ToString();
    }
    while (cursor is not null);

    return ids;
}
