using System.Text.Json;
using BrainBuddy.Api.Accounts;
using BrainBuddy.Api.Infrastructure;
using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Storage;
using BrainBuddy.Training.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace BrainBuddy.Api.Knowledge;

public static class KnowledgeApi
{
    public static RouteGroupBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/knowledge").WithTags("Knowledge").RequireAuthorization();
        group.MapGet("/rankings", Rankings).WithName("RankStimuli").WithSummary("Stimuli ranked by the evidence that they produce an outcome, with the findings and citations behind each score");
        group.MapGet("/", List).WithName("ListKnowledge").WithSummary("Findings, filtered by stimulus_type and outcome, with cursor paging");
        group.MapGet("/{id}", Get).WithName("GetKnowledge").WithSummary("One finding");

        var writes = group.MapGroup("/").RequireAuthorization(Policies.Researcher).RequireRateLimiting(RateLimits.UserWrites);
        writes.MapPost("/", Create).WithName("CreateKnowledge").WithSummary("Add a finding (researchers)");
        writes.MapPut("/{id}", Replace).WithName("ReplaceKnowledge").WithSummary("Replace a finding (researchers)");
        writes.MapDelete("/{id}", Delete).WithName("DeleteKnowledge").WithSummary("Delete a finding (researchers)");
        writes.MapPost("/import", Import).WithName("ImportKnowledge").WithSummary("Load seed-format files; a file with any problem loads nothing (researchers)").DisableAntiforgery();
        return group;
    }

    private static async Task<Results<Ok<KnowledgeRankings>, ValidationProblem>> Rankings(KnowledgeRankingService rankings, string? outcome, int? limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (outcome is null || !KnowledgeVocabulary.Outcomes.Contains(outcome))
        {
            errors.Add("outcome", $"must be one of: {string.Join(", ", KnowledgeVocabulary.Outcomes.Order(StringComparer.Ordinal))}.");
        }

        errors.Range("limit", limit, 1, KnowledgeRankingService.MaxLimit);
        return errors.IsEmpty ? TypedResults.Ok(await rankings.RankAsync(outcome!, limit ?? 10, cancellationToken)) : errors.ToProblem();
    }

    private static async Task<Results<Ok<KnowledgePage>, ValidationProblem>> List(
        IKnowledgeRepository knowledge,
        [FromQuery(Name = "stimulus_type")] string? stimulusType,
        string? outcome,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = new KnowledgeQuery(stimulusType, outcome, QueryRules.Limit(limit, errors), cursor);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var page = await knowledge.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new KnowledgePage(page.Items.Select(KnowledgeOutput.From).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<KnowledgeOutput>, NotFound>> Get(string id, IKnowledgeRepository knowledge, CancellationToken cancellationToken) =>
        QueryRules.IsId(id) && await knowledge.GetAsync(id, cancellationToken) is { } entry ? TypedResults.Ok(KnowledgeOutput.From(entry)) : TypedResults.NotFound();

    private static async Task<Results<Created<KnowledgeOutput>, ValidationProblem>> Create(JsonElement body, IKnowledgeRepository knowledge, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = Read(body, clock);
        if (read.Entry is not { } entry)
        {
            return Problem(read);
        }

        await knowledge.InsertAsync(entry, cancellationToken);
        return TypedResults.Created($"/api/v1/knowledge/{entry.Id}", KnowledgeOutput.From(entry));
    }

    private static async Task<Results<Ok<KnowledgeOutput>, NotFound, ValidationProblem>> Replace(string id, JsonElement body, IKnowledgeRepository knowledge, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!QueryRules.IsId(id) || await knowledge.GetAsync(id, cancellationToken) is not { } stored)
        {
            return TypedResults.NotFound();
        }

        var read = Read(body, clock);
        if (read.Entry is not { } entry)
        {
            return Problem(read);
        }

        entry.Id = stored.Id;
        entry.CreatedAt = stored.CreatedAt;
        return await knowledge.ReplaceAsync(entry, cancellationToken) ? TypedResults.Ok(KnowledgeOutput.From(entry)) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, IKnowledgeRepository knowledge, CancellationToken cancellationToken) =>
        QueryRules.IsId(id) && await knowledge.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// One file as the JSON body, or several as multipart/form-data parts. 200 with the report when nothing was
    /// rejected; 422 with the same report (every problem, with file and entry position) otherwise.
    /// </summary>
    private static async Task<Results<Ok<KnowledgeLoadReport>, UnprocessableEntity<KnowledgeLoadReport>, ValidationProblem>> Import(
        HttpRequest request,
        KnowledgeLoader loader,
        IAuditLog audit,
        [FromQuery(Name = "dry_run")] bool? dryRun,
        CancellationToken cancellationToken)
    {
        var files = new List<KnowledgeFile>();
        if (request.HasFormContentType)
        {
            foreach (var part in (await request.ReadFormAsync(cancellationToken)).Files)
            {
                using var buffer = new MemoryStream();
                await part.CopyToAsync(buffer, cancellationToken);
                files.Add(new KnowledgeFile(part.FileName, buffer.ToArray()));
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            files.Add(new KnowledgeFile("request.json", buffer.ToArray()));
        }

        if (files.Count == 0 || files.All(file => file.Utf8Json.IsEmpty))
        {
            var errors = new ValidationErrors();
            errors.Add("files", "send one seed-format JSON file as the body, or several as multipart/form-data parts.");
            return errors.ToProblem();
        }

        var report = await loader.LoadAsync(files, dryRun ?? false, cancellationToken);
        await audit.RecordImportAsync(request.HttpContext.User.UserId(), string.Join(", ", files.Select(file => file.Name)), report);
        return report.Rejected == 0 ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    private static KnowledgeEntryRead Read(JsonElement body, TimeProvider clock) => KnowledgeEntryReader.Read(body, clock);

    private static ValidationProblem Problem(KnowledgeEntryRead read)
    {
        var errors = new ValidationErrors();
        foreach (var problem in read.Problems)
        {
            errors.Add(problem.Path, problem.Message);
        }

        return errors.ToProblem();
    }
}
