using AlliancePositions.Core.Changes;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using AlliancePositions.Web.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Changes;

/// <summary>
/// One change since the date, newest first: <c>type</c> "document" (published), "statement" (made) or "shift" (a band
/// changed); the fields of the other types are null.
/// </summary>
public sealed record ChangeJson(string Type, DateOnly Date, DatePrecision DatePrecision, string? Document, string? Title, StatementJson? Statement,
    ShiftChangeJson? Shift);

public sealed record ShiftChangeJson(string Actor, string Question, ShiftKind Kind, StanceBand From, StanceBand To, string Statement);

/// <summary>What changed since a date (the changes page's data), as one paged list.</summary>
public static class ChangesApi
{
    public static RouteGroupBuilder MapChangesApi(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Changes").RequireAuthorization(Policies.Read).MapGet("/changes", ListAsync)
            .WithSummary("Documents published, statements made and stance shifts since the date (default 30 days ago), paged");
        api.MapGroup("").WithTags("Changes").RequireAuthorization(Policies.Read).MapGet("/changes/added", AddedAsync)
            .WithSummary("Documents, statements, codings and meetings recorded here since the instant (added=, default 7 days ago), newest first, paged");
        return api;
    }

    /// <summary>By recording time, from the audit log: a statement entered today about a speech of 2024 is here.</summary>
    static async Task<Results<Ok<Paged<AddedRecord>>, ValidationProblem>> AddedAsync(string? added, [AsParameters] PageQuery paging, ChangeQueries changes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        var (since, error) = AddedSinceQuery.Read(added, clock);
        if (error is not null) errors["added"] = [error];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var found = await changes.AddedSinceAsync(since, page, pageSize, cancellationToken);
        return TypedResults.Ok(new Paged<AddedRecord>(found.Items, found.Total));
    }

    static async Task<Results<Ok<Paged<ChangeJson>>, ValidationProblem>> ListAsync(string? since, [AsParameters] PageQuery paging, ChangeQueries changes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        var (date, error) = ChangesSinceQuery.Read(since, clock);
        if (error is not null) errors["since"] = [error];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var found = await changes.SinceAsync(date, cancellationToken);
        var all = found.Documents.Select(d => new ChangeJson("document", d.PublishedOn ?? date, DatePrecision.Day, d.Key, d.Title, null, null))
            .Concat(found.Statements.Select(s => new ChangeJson("statement", s.When.Value, s.When.Precision, s.DocumentKey, null, StatementJson.From(s), null)))
            .Concat(found.Shifts.Select(s => new ChangeJson("shift", s.Shift.Date.Value, s.Shift.Date.Precision, null, null, null,
                new ShiftChangeJson(s.Actor.Slug, s.Question, s.Shift.Kind, s.Shift.From, s.Shift.To, s.Shift.StatementKey))))
            .OrderByDescending(c => c.Date).ThenBy(c => c.Type, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new Paged<ChangeJson>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), all.Count));
    }
}
