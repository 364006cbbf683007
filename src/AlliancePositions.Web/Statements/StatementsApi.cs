using System.Globalization;
using System.Security.Claims;
using AlliancePositions.Core.Paging;
using AlliancePositions.Web.Api;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using AlliancePositions.Web.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace AlliancePositions.Web.Statements;

public static class StatementsApi
{
    public static RouteGroupBuilder MapStatementsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("").RequireAuthorization(Policies.Read).MapGet("/statements.csv", ExportCsv)
            .WithSummary("Every statement matching the filter, as CSV (the statements page's query parameters)");

        var statements = api.MapGroup("/statements").WithTags("Statements");
        var reads = statements.MapGroup("").RequireAuthorization(Policies.Read);
        reads.MapGet("", ListAsync).WithSummary("Statements matching the filter, paged (the statements page's query parameters)");
        reads.MapGet("/topic-counts", TopicCountsAsync)
            .WithSummary("How many statements each topic would match with the rest of the filter (the statements page's query parameters)");
        reads.MapGet("/{id}", GetAsync).WithSummary("One statement; its ETag is the version an edit names");

        var writes = statements.MapGroup("").RequireAuthorization(Policies.Analyst);
        writes.MapPost("", CreateAsync).Accepts<StatementRequest>("application/json");
        writes.MapPost("/{id}/codings", CodeAsync).Accepts<CodingRequest>("application/json")
            .WithSummary("Codes the statement for the caller's coder; a second coding by the same coder replaces the first");
        writes.MapPut("/{id}", UpdateAsync).Accepts<StatementRequest>("application/json")
            .WithSummary("Replaces the statement's values; send the ETag you read as If-Match");
        writes.MapDelete("/{id}", DeleteAsync).WithSummary("Deletes the statement (an Admin can restore it)");
        writes.MapDelete("/{id}/codings/{question}/{coder}", DeleteCodingAsync)
            .WithSummary("Deletes one coder's coding of the statement on a question (an Admin can restore it)");
        var admin = statements.MapGroup("").RequireAuthorization(Policies.Admin);
        admin.MapPost("/{id}/restore", RestoreAsync);
        admin.MapPost("/{id}/codings/{question}/{coder}/restore", RestoreCodingAsync);
        return api;
    }

    private static async Task<Results<SerializedJson<Api.Paged<StatementJson>>, ValidationProblem>> ListAsync([AsParameters] StatementFilterQuery query,
        StatementQueries statements, StanceCache cache, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var binding = query.Bind();
        if (!binding.IsValid) return TypedResults.ValidationProblem(binding.Errors);
        // The filter's page is kept until the next write (StatementQueries.SearchAsync), and its JSON beside it: a client
        // polling one filter is sent the bytes, not the page written out again.
        var answer = await cache.GetOrComputeAnswerAsync((nameof(ListAsync), binding.Filter), async token =>
        {
            var found = await statements.SearchAsync(binding.Filter, token);
            return found.IsValid
                ? new ListAnswer(SerializedJson<Api.Paged<StatementJson>>.From(Api.Paged<StatementJson>.From(found.Page, StatementJson.From), json), found.Problems)
                : new ListAnswer(null, found.Problems);
        }, cancellationToken);
        return answer.Page is { } page ? page : TypedResults.ValidationProblem(answer.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
    }

    /// <summary>The list endpoint's answer as kept: the page's JSON, or why the filter was refused.</summary>
    private sealed record ListAnswer(SerializedJson<Api.Paged<StatementJson>>? Page, IReadOnlyDictionary<string, string> Problems);

    private static async Task<Results<Ok<IReadOnlyList<TopicCount>>, ValidationProblem>> TopicCountsAsync([AsParameters] StatementFilterQuery query,
        StatementQueries statements, CancellationToken cancellationToken)
    {
        var binding = query.Bind();
        if (!binding.IsValid) return TypedResults.ValidationProblem(binding.Errors);
        var resolved = await statements.ResolveAsync(binding.Filter, cancellationToken);
        if (!resolved.IsValid) return TypedResults.ValidationProblem(resolved.Keys.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        return TypedResults.Ok(await statements.TopicCountsAsync(resolved, cancellationToken));
    }

    private static async Task<Results<Ok<StatementJson>, NotFound>> GetAsync(string id, StatementQueries statements, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (await statements.FindAsync(id, cancellationToken) is not { } found) return TypedResults.NotFound();
        response.SetETag(found.Version);
        return TypedResults.Ok(StatementJson.From(found.Row));
    }

    private static async Task<IResult> CreateAsync(JsonBody<StatementRequest> body, StatementService service, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.CreateAsync(body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(key => TypedResults.Created($"/api/statements/{key}", new { id = key }));
    }

    private static async Task<IResult> CodeAsync(string id, JsonBody<CodingRequest> body, StatementService service, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.CodeAsync(id, body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(coding => TypedResults.Created($"/api/statements/{id}", new { statement = id, coding }));
    }

    private static async Task<IResult> UpdateAsync(string id, JsonBody<StatementRequest> body, HttpRequest request, StatementService service,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (WriteResults.IfMatchVersion(request) is not { } version) return WriteResults.PreconditionRequired();
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.UpdateAsync(id, version, body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(updated => Versioned(request.HttpContext.Response, updated));
    }

    private static async Task<IResult> DeleteAsync(string id, StatementService service, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await service.DeleteAsync(id, user.ToEditor(), cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<IResult> RestoreAsync(string id, StatementService service, HttpResponse response, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        (await service.RestoreAsync(id, user.ToEditor(), cancellationToken)).ToHttp(restored => Versioned(response, restored));

    private static async Task<IResult> DeleteCodingAsync(string id, string question, string coder, StatementService service, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        (await service.DeleteCodingAsync(id, question, coder, user.ToEditor(), cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<IResult> RestoreCodingAsync(string id, string question, string coder, StatementService service, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        (await service.RestoreCodingAsync(id, question, coder, user.ToEditor(), cancellationToken))
            .ToHttp(coding => TypedResults.Ok(new { statement = id, coding }));

    private static Ok<StatementVersion> Versioned(HttpResponse response, StatementVersion version)
    {
        response.SetETag(version.Version);
        return TypedResults.Ok(version);
    }

    /// <summary>The filtered rows, all of them, streamed; a value that cannot be read is a 400 with its field named.</summary>
    internal static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportCsv(
        [AsParameters] StatementFilterQuery query, StatementQueries statements, TimeProvider clock, CancellationToken cancellationToken)
    {
        var binding = query.Bind();
        if (!binding.IsValid) return TypedResults.ValidationProblem(binding.Errors);
        // Unknown keys (an actor, a topic) are refused before the file starts: once streaming, the status is sent.
        var resolved = await statements.ResolveAsync(binding.Filter, cancellationToken);
        if (!resolved.IsValid) return TypedResults.ValidationProblem(resolved.Keys.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));

        var stamp = Stamp(binding.Filter, clock);
        var fileName = $"statements-{clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return TypedResults.Stream(body => StatementCsv.WriteAsync(body, stamp, statements.StreamAsync(resolved, cancellationToken), cancellationToken),
            "text/csv; charset=utf-8", fileName);
    }

    /// <summary>"AlliancePositions statements · methodology 1.0 · exported 2024-04-30T10:00:00Z · filter topic=troop-deployment".</summary>
    internal static string Stamp(StatementFilter filter, TimeProvider clock)
    {
        var query = StatementFilterQuery.ToQuery(filter with { Page = 1, PageSize = PageLimits.DefaultPageSize });
        var filterText = query.All(p => p.Value is null) ? "all statements" : Components.Shared.TimeAxes.WithQuery("", query).TrimStart('?');
        return $"AlliancePositions statements · methodology {Methodology.Version} · exported {clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} · filter {filterText}";
    }
}
