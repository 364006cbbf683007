using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Api;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Questions;

/// <summary>Downloads of a question's agreement matrix: the same stances the question page draws, as CSV and SVG.</summary>
public static class QuestionsApi
{
    public static RouteGroupBuilder MapQuestionsApi(this RouteGroupBuilder api)
    {
        var questions = api.MapGroup("/questions").RequireAuthorization(Accounts.Policies.Read);
        questions.MapGet("/{slug}/agreement.csv", GetAgreementCsv);
        questions.MapGet("/{slug}/agreement.svg", GetAgreementSvg);
        questions.MapGet("", ListAsync).WithSummary("Every question with its topic (a small vocabulary: a bare array)");
        questions.MapGet("/{slug}/stances", GetStancesAsync).WithSummary("Each actor's stance on the question as of asOf, known at knownAt, with its evidence");
        questions.MapGet("/{slug}/agreement", GetAgreementAsync)
            .WithSummary("Agreement between each pair of actors (all with a record, or those in actors=a,b) and the coalitions by side");
        return api;
    }

    static async Task<Ok<List<QuestionJson>>> ListAsync(QuestionQueries questions, CancellationToken cancellationToken) =>
        TypedResults.Ok((await questions.ListAsync(cancellationToken)).Select(q => new QuestionJson(q.Slug, q.Title, q.Topic)).ToList());

    static async Task<Results<Ok<List<StanceJson>>, NotFound, ValidationProblem>> GetStancesAsync(string slug, string? asOf, string? knownAt, string? method, string? view,
        StanceQueries stances, TimeProvider clock, CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, knownAt, clock).Through(method, view);
        if (axes.Errors is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        if (await stances.ForQuestionAsync(slug, axes.AsOf, axes.KnownAt, axes.Lens, null, cancellationToken) is not { } found) return TypedResults.NotFound();
        var withRecord = found.Stances.Where(s => s.Stance.Band != StanceBand.NoRecord).ToList();
        var withTexts = await stances.WithTextsAsync(withRecord.Select(s => s.Stance).ToList(), cancellationToken);
        return TypedResults.Ok(withRecord.Select((s, i) => StanceJson.From(s with { Stance = withTexts[i] })).ToList());
    }

    static async Task<Results<SerializedJson<AgreementJson>, NotFound, ValidationProblem>> GetAgreementAsync(string slug, string? asOf, string? knownAt, string? method, string? view,
        string? actors, StanceQueries stances, ActorQueries actorQueries, StanceCache cache, TimeProvider clock, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, knownAt, clock).Through(method, view);
        if (axes.Errors is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var wanted = actors?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        // The answer is kept until the next write, as its JSON: dashboards ask for the same matrix again and again. (The
        // actors' order is part of the key: a refusal names the unknown ones in the order they were asked for.)
        var key = (nameof(GetAgreementAsync), slug, axes.AsOf, axes.KnownAt, axes.Lens, wanted is null ? null : string.Join(',', wanted));
        var answer = await cache.GetOrComputeAnswerAsync(key, async token =>
        {
            var unknown = await actorQueries.UnknownAsync(wanted ?? [], token);
            if (unknown.Count > 0) return new AgreementAnswer(null, unknown);
            var found = await stances.ForQuestionAsync(slug, axes.AsOf, axes.KnownAt, axes.Lens, wanted, token);
            return new AgreementAnswer(found is null ? null : SerializedJson<AgreementJson>.From(AgreementJson.From(found), json), []);
        }, cancellationToken);
        if (answer.UnknownActors.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["actors"] = answer.UnknownActors.Select(a => $"No actor has the key \"{a}\".").ToArray() });
        return answer.Agreement is { } agreement ? agreement : TypedResults.NotFound();
    }

    /// <summary>The agreement endpoint's answer as kept: the matrix's JSON, none for no such question, or the actors named that do not exist.</summary>
    private sealed record AgreementAnswer(SerializedJson<AgreementJson>? Agreement, IReadOnlyList<string> UnknownActors);

    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> GetAgreementCsv(string slug, string? asOf, string? knownAt, string? method, string? view,
        QuestionQueries questions, StanceQueries stances, TimeProvider clock, CancellationToken cancellationToken) =>
        await ExportAsync(slug, asOf, knownAt, method, view, questions, stances, clock, "csv", "text/csv; charset=utf-8", AgreementExport.Csv, cancellationToken);

    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> GetAgreementSvg(string slug, string? asOf, string? knownAt, string? method, string? view,
        QuestionQueries questions, StanceQueries stances, TimeProvider clock, CancellationToken cancellationToken) =>
        await ExportAsync(slug, asOf, knownAt, method, view, questions, stances, clock, "svg", "image/svg+xml", AgreementExport.Svg, cancellationToken);

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(string slug, string? asOf, string? knownAt, string? method, string? view,
        QuestionQueries questions, StanceQueries stances, TimeProvider clock, string extension, string contentType,
        Func<QuestionSummary, QuestionStances, TimeAxes, string> render, CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, knownAt, clock).Through(method, view);
        if (axes.Errors is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        if (await questions.FindAsync(slug, cancellationToken) is not { } question) return TypedResults.NotFound();
        var found = await stances.ForQuestionAsync(slug, axes.AsOf, axes.KnownAt, axes.Lens, null, cancellationToken);
        if (found is null) return TypedResults.NotFound();
        var name = $"agreement-{slug}-asof-{axes.AsOf:yyyy-MM-dd}-knownat-{axes.KnownAt:yyyy-MM-dd}-method-{axes.Lens.Method}{(axes.Lens.View == StanceView.Hindsight ? "-hindsight" : "")}.{extension}";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(render(question, found, axes)), contentType, name);
    }
}
