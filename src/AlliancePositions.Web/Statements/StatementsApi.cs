using System.Globalization;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using AlliancePositions.Web.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace AlliancePositions.Web.Statements;

public static class StatementsApi
{
    public static RouteGroupBuilder MapStatementsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/statements.csv", ExportCsv).RequireAuthorization(Policies.Read)
            .WithSummary("Every statement matching the filter, as CSV (the statements page's query parameters)");
        return api;
    }

    /// <summary>The filtered rows, all of them, streamed; a value that cannot be read is a 400 with its field named.</summary>
    internal static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportCsv(
        [AsParameters] StatementFilterQuery query, StatementQueries statements, TimeProvider clock, CancellationToken cancellationToken)
    {
        var binding = query.Bind();
        if (!binding.IsValid) return TypedResults.ValidationProblem(binding.Errors);
        // Unknown keys (an actor, a topic) come back from Core as problems; reading one row is how to ask for them.
        var probe = await statements.SearchAsync(binding.Filter with { Page = 1, PageSize = 1 }, cancellationToken);
        if (!probe.IsValid) return TypedResults.ValidationProblem(probe.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));

        var stamp = Stamp(binding.Filter, clock);
        var fileName = $"statements-{clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return TypedResults.Stream(body => StatementCsv.WriteAsync(body, stamp, statements.StreamAsync(binding.Filter, cancellationToken), cancellationToken),
            "text/csv; charset=utf-8", fileName);
    }

    /// <summary>"AlliancePositions statements · methodology 1.0 · exported 2024-04-30T10:00:00Z · filter topic=troop-deployment".</summary>
    internal static string Stamp(StatementFilter filter, TimeProvider clock)
    {
        var query = StatementFilterQuery.ToQuery(filter with { Page = 1, PageSize = Core.Paging.Paging.DefaultPageSize })
            .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => (string?)p.Value!.ToString());
        var filterText = query.Count == 0 ? "all statements" : QueryHelpers.AddQueryString("", query).TrimStart('?');
        return $"AlliancePositions statements · methodology {Methodology.Version} · exported {clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} · filter {filterText}";
    }
}
