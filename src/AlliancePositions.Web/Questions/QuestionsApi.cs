using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Questions;

/// <summary>Downloads of a question's agreement matrix: the same stances the question page draws, as CSV and SVG.</summary>
public static class QuestionsApi
{
    public static RouteGroupBuilder MapQuestionsApi(this RouteGroupBuilder api)
    {
        var questions = api.MapGroup("/questions").RequireAuthorization(Accounts.Policies.Read);
        questions.MapGet("/{slug}/agreement.csv", GetAgreementCsv);
        questions.MapGet("/{slug}/agreement.svg", GetAgreementSvg);
        return api;
    }

    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> GetAgreementCsv(string slug, string? asOf, string? knownAt,
        TopicQueries topics, StanceQueries stances, TimeProvider clock, CancellationToken cancellationToken) =>
        await ExportAsync(slug, asOf, knownAt, topics, stances, clock, "csv", "text/csv; charset=utf-8", AgreementExport.Csv, cancellationToken);

    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> GetAgreementSvg(string slug, string? asOf, string? knownAt,
        TopicQueries topics, StanceQueries stances, TimeProvider clock, CancellationToken cancellationToken) =>
        await ExportAsync(slug, asOf, knownAt, topics, stances, clock, "svg", "image/svg+xml", AgreementExport.Svg, cancellationToken);

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(string slug, string? asOf, string? knownAt,
        TopicQueries topics, StanceQueries stances, TimeProvider clock, string extension, string contentType,
        Func<QuestionSummary, QuestionStances, TimeAxes, string> render, CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, knownAt, clock);
        if (axes.Problem is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asOf/knownAt"] = [axes.Problem] });
        if (await topics.FindQuestionAsync(slug, cancellationToken) is not { } question) return TypedResults.NotFound();
        var found = await stances.ForQuestionAsync(slug, axes.AsOf, axes.KnownAt, null, cancellationToken);
        if (found is null) return TypedResults.NotFound();
        var name = $"agreement-{slug}-asof-{axes.AsOf:yyyy-MM-dd}-knownat-{axes.KnownAt:yyyy-MM-dd}.{extension}";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(render(question, found, axes)), contentType, name);
    }
}
