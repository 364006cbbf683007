using System.Security.Claims;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Suggestions;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using AlliancePositions.Web.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Suggestions;

/// <summary>
/// The assistant's suggested statements for a document: list the pending ones, compute them again, accept one (with
/// the analyst's changes) as a statement, or reject it. A suggestion already decided is a 409 saying how.
/// </summary>
public static class SuggestionsApi
{
    public static RouteGroupBuilder MapSuggestionsApi(this RouteGroupBuilder api)
    {
        var suggestions = api.MapGroup("/documents/{id}/suggestions").WithTags("Suggestions");
        suggestions.MapGroup("").RequireAuthorization(Policies.Read)
            .MapGet("", ListAsync).WithSummary("The document's pending suggestions in reading order");
        var writes = suggestions.MapGroup("").RequireAuthorization(Policies.Analyst);
        writes.MapPost("", ComputeAsync).WithSummary("Computes the suggestions again (never touching decided ones) and lists the pending ones");
        writes.MapPost("/{sid}/accept", AcceptAsync).Accepts<AcceptSuggestionRequest>(isOptional: true, "application/json")
            .WithSummary("Accepts the suggestion as a statement, with any values the body overrides; 201 with the statement");
        writes.MapPost("/{sid}/reject", RejectAsync).WithSummary("Rejects the suggestion: it is not proposed again");
        return api;
    }

    static async Task<Results<Ok<IReadOnlyList<SuggestionRow>>, NotFound>> ListAsync(string id, SuggestionService service, CancellationToken cancellationToken) =>
        await service.ListAsync(id, cancellationToken) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();

    static async Task<IResult> ComputeAsync(string id, SuggestionService service, CancellationToken cancellationToken) =>
        (await service.ComputeAsync(id, cancellationToken)).ToHttp(rows => TypedResults.Ok(rows));

    static async Task<IResult> AcceptAsync(string id, string sid, HttpContext context, SuggestionService service, StatementQueries statements,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        AcceptSuggestionRequest? request = null;
        // The body is optional: without one the suggestion is accepted as proposed.
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = await JsonBody<AcceptSuggestionRequest>.BindAsync(context);
            if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
            request = body.Value;
        }
        var result = await service.AcceptAsync(id, sid, request, user.ToEditor(), cancellationToken);
        if (result.Status != WriteStatus.Ok) return Decided(result);
        var statement = await statements.FindAsync(result.Value!, cancellationToken);
        return TypedResults.Created($"/api/statements/{result.Value}", StatementJson.From(statement!.Value.Row));
    }

    static async Task<IResult> RejectAsync(string id, string sid, SuggestionService service, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Decided(await service.RejectAsync(id, sid, user.ToEditor(), cancellationToken), TypedResults.NoContent());

    /// <summary>A decision's outcome: a second decision is a 409 naming the first (not the 412 of a stale edit).</summary>
    private static IResult Decided<T>(WriteResult<T> result, IResult? ok = null) => result.Status == WriteStatus.Conflict
        ? TypedResults.Problem("This suggestion has already been decided; nothing was changed.", statusCode: StatusCodes.Status409Conflict,
            title: "Already decided", extensions: new Dictionary<string, object?> { ["decision"] = result.Current })
        : result.ToHttp(_ => ok!);
}
