using AlliancePositions.Core.Countries;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Countries;

/// <summary>Countries and blocs: small vocabularies, bare arrays. A bloc's member count is on asOf (default today).</summary>
public static class CountriesApi
{
    public static RouteGroupBuilder MapCountriesApi(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("").WithTags("Countries").RequireAuthorization(Policies.Read);
        reads.MapGet("/countries", ListCountriesAsync);
        reads.MapGet("/blocs", ListBlocsAsync);
        return api;
    }

    static async Task<Ok<IReadOnlyList<CountrySummary>>> ListCountriesAsync(CountryQueries countries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await countries.ListAsync(cancellationToken));

    static async Task<Results<Ok<IReadOnlyList<BlocSummary>>, ValidationProblem>> ListBlocsAsync(string? asOf, CountryQueries countries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, null, clock);
        if (axes.Problem is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [axes.Problem] });
        return TypedResults.Ok(await countries.ListBlocsAsync(axes.AsOf, cancellationToken));
    }
}
