using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage;
using BrainBuddy.Data.Storage.Mongo;
using BrainBuddy.Data.UserModels;
using BrainBuddy.Data.Users;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace BrainBuddy.Data.Tests.Mongo;

/// <summary>What each MongoDB query, update and index sends to the server, checked without a server.</summary>
public sealed class MongoRenderingTests
{
    private const string UserId = "65f1a2b3c4d5e6f708192a3b";
    private const string Id = "65f1a2b3c4d5e6f708192a3c";
    private static readonly DateTime Time = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    // The client connects lazily; rendering and index declarations never reach a server.
    private static readonly IMongoDatabase Database = CreateDatabase();

    private static IMongoDatabase CreateDatabase()
    {
        BsonConfiguration.Register();
        return new MongoClient("mongodb://127.0.0.1:1").GetDatabase("render");
    }

    private static BsonDocument Render<T>(FilterDefinition<T> filter) =>
        filter.Render(new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry));

    private static BsonValue Render<T>(UpdateDefinition<T> update) =>
        update.Render(new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry));

    private static BsonDocument Render<T>(SortDefinition<T> sort) =>
        sort.Render(new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry));

    private static BsonDocument Render<T>(ProjectionDefinition<T> projection) =>
        projection.Render(new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry));

    private static BsonArray Render<T>(PipelineDefinition<T, BsonDocument> pipeline) =>
        new(pipeline.Render(new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry)).Documents);

    private static List<(string Name, BsonDocument Keys, bool Unique)> Render<T>(IEnumerable<CreateIndexModel<T>> indexes) =>
        indexes.Select(index => (
            index.Options.Name,
            index.Keys.Render(new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry)),
            index.Options.Unique ?? false)).ToList();

    [Fact]
    public void Should_store_documents_with_snake_case_names_object_ids_and_string_enums()
    {
        var session = new TrainingSession { Id = Id, UserId = UserId, ModuleType = ModuleType.PfcGym, Timestamp = Time, DurationSeconds = 60 };

        var document = session.ToBsonDocument();

        Assert.Equal(new ObjectId(Id), document["_id"]);
        Assert.Equal(new ObjectId(UserId), document["user_id"]);
        Assert.Equal("pfc_gym", document["module_type"]);
        Assert.Equal(60, document["duration_seconds"]);
        Assert.False(document.Contains("user_rating"));
    }

    [Fact]
    public void Should_render_the_session_listing_filter_with_keyset_position()
    {
        var filter = MongoSessionRepository.ListFilter(UserId, new SessionQuery(ModuleType.Brainwave, Time, Time.AddDays(1)), new KeysetCursor(Time.AddHours(1), Id));

        Assert.Equal(
            BsonDocument.Parse($$"""
            { "user_id": ObjectId("{{UserId}}"), "module_type": "brainwave",
              "timestamp": { "$gte": ISODate("2026-03-01T08:00:00Z"), "$lt": ISODate("2026-03-02T08:00:00Z") },
              "$or": [ { "timestamp": { "$lt": ISODate("2026-03-01T09:00:00Z") } },
                       { "timestamp": ISODate("2026-03-01T09:00:00Z"), "_id": { "$lt": ObjectId("{{Id}}") } } ] }
            """),
            Render(filter));
        Assert.Equal(BsonDocument.Parse("{ timestamp: -1, _id: -1 }"), Render(MongoSessionRepository.NewestFirst));
    }

    [Fact]
    public void Should_render_the_owner_filter_and_feedback_update()
    {
        Assert.Equal(BsonDocument.Parse($"{{ _id: ObjectId('{Id}'), user_id: ObjectId('{UserId}') }}"), Render(MongoSessionRepository.OwnedBy(UserId, Id)));
        Assert.Equal(
            BsonDocument.Parse("{ $set: { updated_at: ISODate('2026-03-01T08:00:00Z'), effectiveness_score: 0.5 } }"),
            Render(MongoSessionRepository.FeedbackUpdate(new SessionFeedback(null, 0.5), Time)));
    }

    [Fact]
    public void Should_render_the_stats_pipeline_and_the_training_projection()
    {
        Assert.Equal(
            BsonArray.Create(new[]
            {
                BsonDocument.Parse($"{{ $match: {{ user_id: ObjectId('{UserId}') }} }}"),
                BsonDocument.Parse("{ $group: { _id: '$module_type', count: { $sum: 1 }, avg_user_rating: { $avg: '$user_rating' }, avg_effectiveness_score: { $avg: '$effectiveness_score' }, total_duration_seconds: { $sum: '$duration_seconds' } } }"),
                BsonDocument.Parse("{ $sort: { _id: 1 } }"),
            }),
            Render(MongoSessionRepository.StatsPipeline(UserId, null, null)));
        Assert.Equal(
            BsonDocument.Parse("{ module_type: 1, brainwave_target: 1, generated_content: 1, duration_seconds: 1, timestamp: 1, user_rating: 1, effectiveness_score: 1, user_id: 1 }"),
            Render(MongoSessionRepository.TrainingFields));
        Assert.Equal(
            BsonDocument.Parse($"{{ user_id: ObjectId('{UserId}'), $or: [ {{ user_rating: {{ $ne: null }} }}, {{ effectiveness_score: {{ $ne: null }} }} ] }}"),
            Render(MongoSessionRepository.LabelledFilter(UserId)));
    }

    [Fact]
    public void Should_render_the_habit_attempt_as_one_atomic_pipeline()
    {
        var update = Render(MongoHabitRepository.AttemptUpdate(success: true, Time, Time));

        Assert.Equal(
            BsonArray.Create(new[]
            {
                BsonDocument.Parse("""
                { $set: {
                    attempt_count: { $add: [ { $ifNull: ['$attempt_count', 0] }, 1 ] },
                    success_count: { $add: [ { $ifNull: ['$success_count', 0] }, 1 ] },
                    current_streak: { $add: [ { $ifNull: ['$current_streak', 0] }, 1 ] },
                    last_attempt_at: { $max: ['$last_attempt_at', ISODate('2026-03-01T08:00:00Z')] },
                    updated_at: ISODate('2026-03-01T08:00:00Z') } }
                """),
                BsonDocument.Parse("{ $set: { best_streak: { $max: [ { $ifNull: ['$best_streak', 0] }, '$current_streak' ] } } }"),
            }),
            update);
        Assert.Equal(BsonValue.Create(0), Render(MongoHabitRepository.AttemptUpdate(success: false, Time, Time))[0]["$set"]["current_streak"]);
    }

    [Fact]
    public void Should_render_habit_changes_and_listing()
    {
        Assert.Equal(
            BsonDocument.Parse("{ $set: { updated_at: ISODate('2026-03-01T08:00:00Z'), habit_type: 'positive_routine', interrupt_protocol: { technique: 'walk', duration: 60 } } }"),
            Render(MongoHabitRepository.ChangesUpdate(new HabitChanges(HabitType.PositiveRoutine, InterruptProtocol: new InterruptProtocol { Technique = "walk", Duration = 60 }), Time)));
        Assert.Equal(
            BsonDocument.Parse($"{{ user_id: ObjectId('{UserId}'), habit_type: 'negative_loop' }}"),
            Render(MongoHabitRepository.ListFilter(UserId, new HabitQuery(HabitType.NegativeLoop), null)));
    }

    [Fact]
    public void Should_render_compare_and_swap_filters()
    {
        Assert.Equal(BsonDocument.Parse($"{{ user_id: ObjectId('{UserId}'), version: NumberLong(4) }}"), Render(MongoUserModelRepository.VersionFilter(UserId, 4)));
        Assert.Equal(BsonDocument.Parse($"{{ _id: ObjectId('{UserId}'), concurrency_stamp: 'abc' }}"), Render(MongoUserRepository.ReplaceFilter(UserId, "abc")));
        Assert.Equal(
            BsonDocument.Parse($"{{ stimulus_type: 'binaural_beats', outcome: 'relaxation', _id: {{ $gt: ObjectId('{Id}') }} }}"),
            Render(MongoKnowledgeRepository.ListFilter(new KnowledgeQuery("binaural_beats", "relaxation"), Id)));
    }

    [Fact]
    public void Should_declare_every_index_the_schema_asks_for()
    {
        var clock = TimeProvider.System;

        Assert.Equal(
            [
                ("user_id", BsonDocument.Parse("{ user_id: 1 }"), false),
                ("module_type", BsonDocument.Parse("{ module_type: 1 }"), false),
                ("timestamp", BsonDocument.Parse("{ timestamp: 1 }"), false),
                ("user_id_timestamp_desc", BsonDocument.Parse("{ user_id: 1, timestamp: -1, _id: -1 }"), false),
            ],
            Render(new MongoSessionRepository(Database, clock).Indexes()));
        Assert.Equal(
            [("email_unique", BsonDocument.Parse("{ email: 1 }"), true), ("roles", BsonDocument.Parse("{ roles: 1 }"), false)],
            Render(new MongoUserRepository(Database, clock).Indexes()));
        Assert.Equal(
            [
                ("user_id", BsonDocument.Parse("{ user_id: 1 }"), false),
                ("habit_type", BsonDocument.Parse("{ habit_type: 1 }"), false),
                ("user_id_created_at_desc", BsonDocument.Parse("{ user_id: 1, created_at: -1, _id: -1 }"), false),
            ],
            Render(new MongoHabitRepository(Database, clock).Indexes()));
        Assert.Equal(
            [
                ("stimulus_type", BsonDocument.Parse("{ stimulus_type: 1 }"), false),
                ("outcome", BsonDocument.Parse("{ outcome: 1 }"), false),
                ("natural_key_unique", BsonDocument.Parse("{ natural_key: 1 }"), true),
            ],
            Render(new MongoKnowledgeRepository(Database, new MongoTransactions(Database.Client), clock).Indexes()));
        Assert.Equal([("user_id_unique", BsonDocument.Parse("{ user_id: 1 }"), true)], Render(new MongoUserModelRepository(Database, clock).Indexes()));
        Assert.Equal([("normalized_name_unique", BsonDocument.Parse("{ normalized_name: 1 }"), true)], Render(new MongoRoleRepository(Database, clock).Indexes()));
        Assert.Equal(
            [
                ("time_desc", BsonDocument.Parse("{ time: -1, _id: -1 }"), false),
                ("actor_time_desc", BsonDocument.Parse("{ actor: 1, time: -1, _id: -1 }"), false),
                ("action_time_desc", BsonDocument.Parse("{ action: 1, time: -1, _id: -1 }"), false),
            ],
            Render(new MongoAuditRepository(Database, clock).Indexes()));
    }

    [Fact]
    public void Should_store_audit_events_with_a_string_actor_and_render_their_listing()
    {
        var auditEvent = new AuditEvent { Id = Id, Time = Time, Actor = "cli", Action = AuditActions.RoleGranted, Target = UserId, Outcome = AuditOutcome.Denied, Details = new() { ["role"] = "admin" } };
        var filter = MongoAuditRepository.ListFilter(new AuditQuery(AuditActions.RoleGranted, UserId), new KeysetCursor(Time, Id));

        Assert.Equal(
            BsonDocument.Parse($$"""
            { _id: ObjectId("{{Id}}"), time: ISODate("2026-03-01T08:00:00Z"), actor: "cli", action: "roles.granted",
              target: "{{UserId}}", outcome: "denied", details: { role: "admin" },
              created_at: ISODate("0001-01-01T00:00:00Z"), updated_at: ISODate("0001-01-01T00:00:00Z") }
            """),
            auditEvent.ToBsonDocument());
        Assert.Equal(
            BsonDocument.Parse($$"""
            { action: "roles.granted", actor: "{{UserId}}",
              $or: [ { time: { $lt: ISODate("2026-03-01T08:00:00Z") } },
                     { time: ISODate("2026-03-01T08:00:00Z"), _id: { $lt: ObjectId("{{Id}}") } } ] }
            """),
            Render(filter));
        Assert.Equal(new BsonDocument(), Render(MongoAuditRepository.ListFilter(new AuditQuery(), null)));
        Assert.Equal(BsonDocument.Parse("{ time: -1, _id: -1 }"), Render(MongoAuditRepository.NewestFirst));
    }

    [Fact]
    public void Should_render_raw_imports_as_upserts_matched_on_id_alone()
    {
        var document = new BsonDocument { ["_id"] = new ObjectId(Id), ["user_id"] = new ObjectId(UserId), ["email"] = "a@example.com" };

        var model = Assert.Single(MongoRawDocuments.UpsertModels([document]));

        Assert.True(model.IsUpsert);
        Assert.Same(document, model.Replacement);
        Assert.Equal(BsonDocument.Parse($$"""{ _id: ObjectId("{{Id}}") }"""), Render(model.Filter));
        Assert.Equal(BsonDocument.Parse("{ _id: 1 }"), Render(MongoRawDocuments.ByIdAscending));
        Assert.Throws<InvalidDataException>(() => MongoRawDocuments.UpsertModels([new BsonDocument("email", "x")]).ToList());
    }

    [Fact]
    public void Should_describe_a_connection_string_without_its_credentials()
    {
        var described = MongoStorage.Describe("mongodb://admin:s3cret@db1:27017,db2:27018/?replicaSet=rs0");

        Assert.DoesNotContain("s3cret", described, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", described, StringComparison.Ordinal);
        Assert.Contains("db1:27017", described, StringComparison.Ordinal);
    }
}
