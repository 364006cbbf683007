using System.Globalization;
using System.Text;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Exports;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using AlliancePositions.Web.Api;

namespace AlliancePositions.Web.Actors;

/// <summary>
/// Actors: list, read, timeline and shifts; create, edit with If-Match, delete (refused while statements or meetings
/// name the actor) and restore (Admin); and the downloads: the timeline as CSV and the stance chart as SVG.
/// </summary>
public static class ActorsApi
{
    public static RouteGroupBuilder MapActorsApi(this RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("Actors").RequireAuthorization(Accounts.Policies.Read);
        actors.MapGet("/{slug}/timeline.csv", GetTimelineCsv).WithSummary("The actor's timeline as CSV, stamped with asOf, knownAt and methodology");
        actors.MapGet("/{slug}/chart.svg", GetChartSvg).WithSummary("The actor's stance chart as SVG, as the actor page draws it");
        actors.MapGet("", ListAsync).WithSummary("Actors whose name or alias contains q, paged");
        actors.MapGet("/{slug}", GetAsync).WithSummary("One actor with roles and aliases; its ETag is the version");
        actors.MapGet("/{slug}/timeline", GetTimelineAsync).WithSummary("The actor's statements and meetings, newest first, each with its type");
        actors.MapGet("/{slug}/shifts", GetShiftsAsync).WithSummary("The actor's band changes on each question as of asOf, known at knownAt");
        actors.MapGet("/{slug}/stances", GetStancesAsync)
            .WithSummary("The actor's stance on every question as of asOf, known at knownAt, each with a plain-language sentence on its history");
        actors.MapGet("/{slug}/similar", GetSimilarAsync)
            .WithSummary("The actors whose stances agree most with this one's as of asOf: overall agreement and questions in common");
        var writes = api.MapGroup("/actors").WithTags("Actors").RequireAuthorization(Accounts.Policies.Analyst);
        writes.MapPost("", CreateAsync).Accepts<CreateActorRequest>("application/json");
        writes.MapPut("/{slug}", UpdateAsync).Accepts<CreateActorRequest>("application/json")
            .WithSummary("Replaces the actor's values (the slug stays); send the ETag you read as If-Match");
        writes.MapDelete("/{slug}", DeleteAsync).WithSummary("Deletes the actor unless statements or meetings name it (409); an Admin can restore it");
        var admin = api.MapGroup("/actors").WithTags("Actors").RequireAuthorization(Accounts.Policies.Admin);
        admin.MapPost("/{slug}/restore", RestoreAsync);
        return api;
    }

    private static async Task<Results<Ok<Api.Paged<ActorSummary>>, ValidationProblem>> ListAsync(string? q, [AsParameters] Api.PageQuery paging,
        ActorQueries actors, CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var found = await actors.ListAsync(q, page, pageSize, cancellationToken);
        return TypedResults.Ok(Api.Paged<ActorSummary>.From(found, a => a));
    }

    private static async Task<Results<Ok<ActorDetail>, NotFound>> GetAsync(string slug, ActorQueries actors, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await actors.FindAsync(slug, cancellationToken) is not { } actor) return TypedResults.NotFound();
        response.SetETag(actor.Version);
        return TypedResults.Ok(actor);
    }

    private static async Task<Results<Ok<Api.Paged<TimelineEntry>>, NotFound, ValidationProblem>> GetTimelineAsync(string slug, string? topic, string? question,
        string? from, string? to, [AsParameters] Api.PageQuery paging, ActorQueries actors, CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        var fromDate = QueryDate.Read(from, "from", errors);
        var toDate = QueryDate.Read(to, "to", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var filter = new TimelineFilter(Empty(topic), Empty(question), fromDate, toDate, page, pageSize);
        if (await actors.TimelineAsync(slug, filter, cancellationToken) is not { } items) return TypedResults.NotFound();
        if (!items.IsValid) return Refused(items.Problems);
        return TypedResults.Ok(Api.Paged<TimelineEntry>.From(items.Page, TimelineEntry.From));
    }

    private static ValidationProblem Refused(IReadOnlyDictionary<string, string> problems) =>
        TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }));

    private static async Task<Results<Ok<List<ShiftJson>>, NotFound, ValidationProblem>> GetShiftsAsync(string slug, string? question, string? asOf, string? knownAt,
        string? method, string? view, ActorQueries actors, StanceQueries stances, TimeProvider clock, CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, knownAt, clock).Through(method, view);
        if (axes.Errors is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        if (await actors.FindAsync(slug, cancellationToken) is null) return TypedResults.NotFound();
        var history = await stances.HistoryAsync(slug, axes.AsOf, axes.KnownAt, axes.Lens, cancellationToken);
        return TypedResults.Ok(history.Where(h => Empty(question) is not { } only || h.Key == only).OrderBy(h => h.Key, StringComparer.Ordinal)
            .SelectMany(h => h.Value.Shifts.Select(shift => ShiftJson.Of(h.Key, shift))).ToList());
    }

    private static async Task<Results<Ok<List<ActorStanceJson>>, NotFound, ValidationProblem>> GetStancesAsync(string slug, string? asOf, string? knownAt,
        string? method, string? view, ActorQueries actors, StanceQueries stances, QuestionQueries questions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, knownAt, clock).Through(method, view);
        if (axes.Errors is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        if (await actors.FindAsync(slug, cancellationToken) is not { } actor) return TypedResults.NotFound();
        var current = await stances.ForActorAsync(slug, axes.AsOf, axes.KnownAt, axes.Lens, cancellationToken);
        var history = await stances.HistoryAsync(slug, axes.AsOf, axes.KnownAt, axes.Lens, cancellationToken);
        var sentences = StanceSentences.ForActor(actor.Name, await questions.ListAsync(cancellationToken), current, history);
        return TypedResults.Ok(sentences.Select(s => ActorStanceJson.Of(s, current.GetValueOrDefault(s.Question) ?? Stance.NoRecord)).ToList());
    }

    private static async Task<Results<Ok<List<SimilarActorJson>>, NotFound, ValidationProblem>> GetSimilarAsync(string slug, string? asOf, string? knownAt,
        string? method, string? view, ActorQueries actors, StanceQueries stances, TimeProvider clock, CancellationToken cancellationToken)
    {
        var axes = TimeAxes.From(asOf, knownAt, clock).Through(method, view);
        if (axes.Errors is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        if (await actors.FindAsync(slug, cancellationToken) is null) return TypedResults.NotFound();
        var current = await stances.ForActorAsync(slug, axes.AsOf, axes.KnownAt, axes.Lens, cancellationToken);
        var similar = await stances.SimilarActorsAsync(slug, current.Keys.ToList(), axes.AsOf, axes.KnownAt, axes.Lens, SimilarActors.Shown, cancellationToken);
        return TypedResults.Ok(similar.Select(SimilarActorJson.Of).ToList());
    }

    private static async Task<IResult> CreateAsync(Api.JsonBody<CreateActorRequest> body, ActorService service, System.Security.Claims.ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.CreateAsync(body.Value!, Accounts.AccountsApi.ToEditor(user), cancellationToken);
        return result.ToHttp(actor => TypedResults.Created($"/api/actors/{actor.Slug}", actor));
    }

    private static async Task<IResult> UpdateAsync(string slug, Api.JsonBody<CreateActorRequest> body, HttpRequest request, ActorService service,
        System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (WriteResults.IfMatchVersion(request) is not { } version) return WriteResults.PreconditionRequired();
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.UpdateAsync(slug, version, body.Value!, Accounts.AccountsApi.ToEditor(user), cancellationToken);
        return result.ToHttp(updated => WriteResults.Versioned(request.HttpContext.Response, updated, updated.Version));
    }

    private static async Task<IResult> DeleteAsync(string slug, ActorService service, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await service.DeleteAsync(slug, Accounts.AccountsApi.ToEditor(user), cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<IResult> RestoreAsync(string slug, ActorService service, HttpResponse response, System.Security.Claims.ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        (await service.RestoreAsync(slug, Accounts.AccountsApi.ToEditor(user), cancellationToken)).ToHttp(restored => WriteResults.Versioned(response, restored, restored.Version));

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> GetTimelineCsv(string slug, string? topic, string? question,
        string? asOf, string? knownAt, ActorQueries actors, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await actors.FindAsync(slug, cancellationToken) is not { } actor) return TypedResults.NotFound();
        var axes = TimeAxes.From(asOf, knownAt, clock);
        if (axes.Errors.Count > 0) return TypedResults.ValidationProblem(axes.Errors);
        TimelineFilter Page(int page) => new(Empty(topic), Empty(question), To: axes.AsOf, Page: page, PageSize: PageLimits.MaxPageSize, KnownAt: axes.KnownAt);
        // The filter is echoed in the file's header: only known keys get that far.
        var first = await actors.TimelineAsync(slug, Page(1), cancellationToken);
        if (first is null) return TypedResults.NotFound();
        if (!first.IsValid) return Refused(first.Problems);

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.WriteComment($"Timeline of {actor.Name}");
        csv.WriteComment(axes.Stamp);
        csv.WriteComment($"asOf={axes.AsOf.ToString(TimeAxes.Format, CultureInfo.InvariantCulture)} knownAt={axes.KnownAt.ToString(TimeAxes.Format, CultureInfo.InvariantCulture)} methodology={axes.Lens.Method}");
        csv.WriteComment($"topic={Empty(topic) ?? "(all)"} question={Empty(question) ?? "(all)"}");
        csv.WriteRow(["type", "key", "date", "kind", "title", "quote", "grade", "codings", "relations", "participants"]);

        var (page, items) = (1, first.Page.Items);
        while (true)
        {
            foreach (var item in items) csv.WriteRow(Cells(item));
            // A short page is the last one. The total cannot tell: past 10,000 entries it is capped ("10,000+").
            if (items.Count < PageLimits.MaxPageSize) break;
            items = (await actors.TimelineAsync(slug, Page(++page), cancellationToken))?.Page.Items ?? [];
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{slug}-timeline.csv");
    }

    private static async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> GetChartSvg(string slug, string? compare, string? asOf, string? knownAt,
        string? method, string? view, ActorQueries actors, StanceQueries stances, QuestionQueries questions, StatementQueries statements, TimeProvider clock,
        IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await actors.FindAsync(slug, cancellationToken) is not { } actor) return TypedResults.NotFound();
        var other = string.IsNullOrWhiteSpace(compare) || compare == slug ? null : await actors.FindAsync(compare, cancellationToken);
        var axes = TimeAxes.From(asOf, knownAt, clock).Through(method, view);
        if (axes.Errors is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var data = await StanceChartData.LoadAsync(stances, questions, statements, new ActorRef(actor.Slug, actor.Name),
            other is null ? null : new ActorRef(other.Slug, other.Name), axes, cancellationToken);

        // The page fetches this very drawing into itself (ClickableStanceChart): the download is exactly what the analyst saw.
        await using var renderer = new HtmlRenderer(services, loggers);
        var svg = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<StanceChart>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Data"] = data }));
            return output.ToHtmlString();
        });
        return TypedResults.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + XmlSafe.Markup(svg), "image/svg+xml; charset=utf-8");
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string[] Cells(TimelineItem item)
    {
        var row = item.Statement;
        return
        [
            item.Type, item.Key, item.When.ToIsoPrefix(), row?.Kind.ToWire() ?? "", item.Title, row?.Quote ?? "",
            row is null ? "" : Admiralty.Format(row.SourceGrade, row.Credibility),
            row is null ? "" : string.Join("; ", row.Codings.Select(c => $"{c.Question} {c.Position:+0;-0;0}{(c.Qualifier is null ? "" : $" ({c.Qualifier})")} by {c.Coder}")),
            string.Join("; ", item.Relations.Select(r => $"{ActorTimeline.RelationLabel(r).ToLowerInvariant()} {r.ActorSlug} ({r.StatementKey})")),
            string.Join("; ", item.Participants),
        ];
    }
}
