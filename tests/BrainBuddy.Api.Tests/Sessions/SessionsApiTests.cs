using System.Net;
using BrainBuddy.Api.Tests.Infrastructure;

namespace BrainBuddy.Api.Tests.Sessions;

public sealed class SessionsApiTests : IAsyncLifetime
{
    private readonly BrainBuddyApplication app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static object Brainwave(string? id = null, int minutesAgo = 0, int? rating = 4) => new
    {
        id,
        module_type = "brainwave",
        brainwave_target = "alpha",
        generated_content = new { beat_frequency = 10, carrier_frequency = 200 },
        user_rating = rating,
        timestamp = DateTime.UtcNow.AddMinutes(-minutesAgo),
        duration_seconds = 600,
    };

    [Fact]
    public async Task Should_create_a_session_with_location_and_read_it_back()
    {
        var user = await app.SignUpAsync();

        var created = await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave());
        var body = await created.BodyAsync();
        var read = await user.Http.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^[0-9a-f]{24}$", body["id"]!.ToString());
        Assert.Equal($"/api/v1/sessions/{body["id"]}", created.Headers.Location!.ToString());
        Assert.Equal(body.ToJsonString(), (await read.BodyAsync()).ToJsonString());
        Assert.Null(body["user_id"]);
    }

    [Fact]
    public async Task Should_store_a_retried_session_once()
    {
        var user = await app.SignUpAsync();
        var id = MongoDB.Bson.ObjectId.GenerateNewId().ToString();

        var first = await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(id, rating: 3));
        var retry = await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(id, rating: 5));
        var list = await (await user.Http.GetAsync("/api/v1/sessions")).BodyAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(3, (await retry.BodyAsync())["user_rating"]!.GetValue<int>());
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Should_answer_each_batch_item_in_order_and_store_the_valid_ones()
    {
        var user = await app.SignUpAsync();
        var existing = MongoDB.Bson.ObjectId.GenerateNewId().ToString();
        await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(existing));
        var repeated = MongoDB.Bson.ObjectId.GenerateNewId().ToString();

        var response = await user.Http.PostAsJsonAsync("/api/v1/sessions/batch", new
        {
            sessions = new object[]
            {
                Brainwave(minutesAgo: 1),
                new { module_type = "movers", duration_seconds = 0 },
                Brainwave(existing),
                new { module_type = "movers", duration_seconds = 60, mood = "great" },
                Brainwave(repeated),
                Brainwave(repeated),
                new { module_type = "movers", duration_seconds = "long" },
            },
        });
        var results = (await response.BodyAsync())["results"]!.AsArray();
        var stored = await (await user.Http.GetAsync("/api/v1/sessions")).BodyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["created", "rejected", "already_present", "rejected", "created", "already_present", "rejected"],
            results.Select(r => r!["status"]!.ToString()));
        Assert.Equal(Enumerable.Range(0, 7), results.Select(r => r!["index"]!.GetValue<int>()));
        Assert.NotNull(results[1]!["errors"]!["duration_seconds"]);
        Assert.NotNull(results[3]!["errors"]!["mood"]);
        Assert.NotNull(results[6]!["errors"]!["duration_seconds"]);
        Assert.Equal(3, stored["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Should_refuse_an_empty_or_oversized_batch()
    {
        var user = await app.SignUpAsync();

        var empty = await user.Http.PostAsJsonAsync("/api/v1/sessions/batch", new { sessions = Array.Empty<object>() });
        var tooMany = await user.Http.PostAsJsonAsync("/api/v1/sessions/batch", new { sessions = Enumerable.Range(0, 501).Select(_ => Brainwave()).ToArray() });

        await empty.ShouldNameFieldAsync("sessions");
        await tooMany.ShouldNameFieldAsync("sessions");
    }

    [Fact]
    public async Task Should_page_newest_first_with_filters_and_an_opaque_cursor()
    {
        var user = await app.SignUpAsync();
        for (var i = 0; i < 25; i++)
        {
            await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(minutesAgo: i));
        }

        await user.Http.PostAsJsonAsync("/api/v1/sessions", new { module_type = "movers", duration_seconds = 60, timestamp = DateTime.UtcNow.AddDays(-3) });

        var first = await (await user.Http.GetAsync("/api/v1/sessions?module_type=brainwave&limit=10")).BodyAsync();
        var second = await (await user.Http.GetAsync($"/api/v1/sessions?module_type=brainwave&limit=10&cursor={first["next_cursor"]}")).BodyAsync();
        var third = await (await user.Http.GetAsync($"/api/v1/sessions?module_type=brainwave&limit=10&cursor={second["next_cursor"]}")).BodyAsync();
        var movers = await (await user.Http.GetAsync($"/api/v1/sessions?until={Uri.EscapeDataString(DateTime.UtcNow.AddDays(-1).ToString("O"))}")).BodyAsync();
        var all = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Concat(third["items"]!.AsArray())
            .Select(s => DateTime.Parse(s!["timestamp"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(25, all.Count);
        Assert.Equal(all.OrderDescending(), all);
        Assert.Null(third["next_cursor"]);
        Assert.Equal("movers", Assert.Single(movers["items"]!.AsArray())!["module_type"]!.ToString());
    }

    [Theory]
    [InlineData("module_type=yoga", "module_type")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("since=yesterday", "since")]
    [InlineData("cursor=forged", "cursor")]
    public async Task Should_name_the_bad_query_parameter(string query, string field)
    {
        var user = await app.SignUpAsync();

        await (await user.Http.GetAsync($"/api/v1/sessions?{query}")).ShouldNameFieldAsync(field);
    }

    public static TheoryData<string, string> InvalidSessions => new()
    {
        { """{"duration_seconds":60}""", "module_type" },
        { """{"module_type":"yoga","duration_seconds":60}""", "module_type" },
        { """{"module_type":"brainwave","duration_seconds":60}""", "brainwave_target" },
        { """{"module_type":"brainwave","brainwave_target":"kappa","duration_seconds":60}""", "brainwave_target" },
        { """{"module_type":"movers","brainwave_target":"alpha","duration_seconds":60}""", "brainwave_target" },
        { """{"module_type":"movers","duration_seconds":60,"user_rating":6}""", "user_rating" },
        { """{"module_type":"movers","duration_seconds":60,"user_rating":0}""", "user_rating" },
        { """{"module_type":"movers","duration_seconds":60,"user_rating":4.5}""", "user_rating" },
        { """{"module_type":"movers","duration_seconds":60,"effectiveness_score":1.01}""", "effectiveness_score" },
        { """{"module_type":"movers","duration_seconds":60,"effectiveness_score":-0.1}""", "effectiveness_score" },
        { """{"module_type":"movers"}""", "duration_seconds" },
        { """{"module_type":"movers","duration_seconds":0}""", "duration_seconds" },
        { """{"module_type":"movers","duration_seconds":14401}""", "duration_seconds" },
        { """{"module_type":"movers","duration_seconds":60,"timestamp":"1999-12-31T23:59:59Z"}""", "timestamp" },
        { """{"module_type":"movers","duration_seconds":60,"timestamp":"2999-01-01T00:00:00Z"}""", "timestamp" },
        { """{"module_type":"movers","duration_seconds":60,"timestamp":"soon"}""", "timestamp" },
        { """{"module_type":"movers","duration_seconds":60,"id":"123"}""", "id" },
        { """{"module_type":"movers","duration_seconds":60,"owner":"me"}""", "owner" },
        { """{"module_type":"movers","duration_seconds":60,"user_id":"65f1a2b3c4d5e6f708192a3b"}""", "user_id" },
        { """{"module_type":"brainwave","brainwave_target":"alpha","duration_seconds":60,"generated_content":{"beat_frequency":150}}""", "generated_content.beat_frequency" },
        { """{"module_type":"brainwave","brainwave_target":"alpha","duration_seconds":60,"generated_content":{"carrier_frequency":5}}""", "generated_content.carrier_frequency" },
        { """{"module_type":"brainwave","brainwave_target":"alpha","duration_seconds":60,"generated_content":{"carrier_frequency":"high"}}""", "generated_content.carrier_frequency" },
        { """{"module_type":"movers","duration_seconds":60,"generated_content":{"$set":{"user_id":1}}}""", "generated_content.$set" },
        { """{"module_type":"movers","duration_seconds":60,"generated_content":{"nested":{"a.b":1}}}""", "generated_content.nested.a.b" },
        { """{"module_type":"movers","duration_seconds":60,"generated_content":"text"}""", "generated_content" },
        { """{"module_type":"movers","duration_seconds":60,"generated_content":{"notes":"__LONG__"}}""", "generated_content.notes" },
        { """not json""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidSessions))]
    public async Task Should_reject_an_invalid_session_naming_the_field_and_store_nothing(string json, string field)
    {
        var user = await app.SignUpAsync();

        var response = await user.Http.PostAsync("/api/v1/sessions", Json.Raw(json.Replace("__LONG__", new string('x', 1001), StringComparison.Ordinal)));

        await response.ShouldNameFieldAsync(field);
        Assert.Empty((await (await user.Http.GetAsync("/api/v1/sessions")).BodyAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Should_refuse_a_body_over_one_megabyte_with_413()
    {
        var user = await app.SignUpAsync();
        var huge = Json.Of(new { module_type = "movers", duration_seconds = 60, generated_content = new { blob = new string('x', 1_100_000) } });

        var response = await user.Http.PostAsync("/api/v1/sessions", Json.Raw(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Should_rate_and_delete_a_session()
    {
        var user = await app.SignUpAsync();
        var created = await (await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(rating: null))).BodyAsync();
        var url = $"/api/v1/sessions/{created["id"]}";

        var rated = await (await user.Http.PatchAsJsonAsync(url, new { user_rating = 5, effectiveness_score = 0.8 })).BodyAsync();
        var invalid = await user.Http.PatchAsJsonAsync(url, new { user_rating = 9 });
        var deleted = await user.Http.DeleteAsync(url);

        Assert.Equal((5, 0.8), (rated["user_rating"]!.GetValue<int>(), rated["effectiveness_score"]!.GetValue<double>()));
        await invalid.ShouldNameFieldAsync("user_rating");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Should_answer_304_when_the_client_holds_the_current_version()
    {
        var user = await app.SignUpAsync();
        var created = await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave());
        var etag = (await user.Http.GetAsync(created.Headers.Location)).Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await user.Http.SendAsync(conditional);
        await user.Http.PatchAsJsonAsync(created.Headers.Location, new { user_rating = 1 });
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        afterChange.Headers.IfNoneMatch.Add(etag);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.SendAsync(afterChange)).StatusCode);
    }

    [Fact]
    public async Task Should_compute_stats_per_module()
    {
        var user = await app.SignUpAsync();
        await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(rating: 4));
        await user.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(rating: 2));
        await user.Http.PostAsJsonAsync("/api/v1/sessions", new { module_type = "pfc_gym", duration_seconds = 120, effectiveness_score = 0.5 });

        var items = (await (await user.Http.GetAsync("/api/v1/sessions/stats")).BodyAsync())["items"]!.AsArray();

        var brainwave = items.Single(i => i!["module_type"]!.ToString() == "brainwave")!;
        var gym = items.Single(i => i!["module_type"]!.ToString() == "pfc_gym")!;
        Assert.Equal((2, 3.0, 1200), (brainwave["count"]!.GetValue<int>(), brainwave["avg_user_rating"]!.GetValue<double>(), brainwave["total_duration_seconds"]!.GetValue<int>()));
        Assert.Equal(0.5, gym["avg_effectiveness_score"]!.GetValue<double>());
    }

    [Fact]
    public async Task Should_hide_and_protect_one_users_session_from_another()
    {
        var owner = await app.SignUpAsync();
        var intruder = await app.SignUpAsync();
        var created = await (await owner.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(rating: 2))).BodyAsync();
        var url = $"/api/v1/sessions/{created["id"]}";

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.PatchAsJsonAsync(url, new { user_rating = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await intruder.Http.PostAsJsonAsync("/api/v1/sessions", Brainwave(created["id"]!.ToString()))).StatusCode);
        Assert.Empty((await (await intruder.Http.GetAsync("/api/v1/sessions")).BodyAsync())["items"]!.AsArray());
        Assert.Empty((await (await intruder.Http.GetAsync("/api/v1/sessions/stats")).BodyAsync())["items"]!.AsArray());

        var after = await (await owner.Http.GetAsync(url)).BodyAsync();
        Assert.Equal(created.ToJsonString(), after.ToJsonString());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("65f1a2b3c4d5e6f708192a3b")]
    public async Task Should_answer_404_for_malformed_and_missing_ids(string id)
    {
        var user = await app.SignUpAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync($"/api/v1/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.PatchAsJsonAsync($"/api/v1/sessions/{id}", new { user_rating = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.DeleteAsync($"/api/v1/sessions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Should_require_a_token()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/sessions", Brainwave())).StatusCode);
    }
}
