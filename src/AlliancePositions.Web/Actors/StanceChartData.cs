using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Components.Shared;

namespace AlliancePositions.Web.Actors;

/// <summary>One actor's line on one question, with the band changes to mark on it.</summary>
public sealed record ChartSeries(string ActorSlug, string ActorName, IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts);

/// <summary>
/// One question's panel of the chart: the actor's line and, when comparing, the other actor's; under methodology 2.0
/// as of a date, also the actor's <see cref="Hindsight"/> line (the smoother over everything known), drawn without points.
/// </summary>
public sealed record ChartPanel(string Question, string Title, IReadOnlyList<ChartSeries> Series, IReadOnlyList<StancePoint>? Hindsight = null);

/// <summary>
/// Everything <see cref="StanceChart"/> draws: a panel per question, the shared time range and, for the points' tooltips,
/// the summary of the statement behind each point. <see cref="To"/> is before <see cref="AsOf"/> when nothing was said
/// for a long while: the lines then run off the right edge, and the chart says until when they hold. Built once for the page and the SVG download alike.
/// </summary>
public sealed record StanceChartData(string ActorName, string? CompareName, IReadOnlyList<ChartPanel> Panels,
    DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyDictionary<string, string> Summaries, string Stamp)
{
    /// <summary>Loads the lines of <paramref name="actor"/> (and <paramref name="compare"/>) through the Core services.</summary>
    public static async Task<StanceChartData> LoadAsync(StanceQueries stances, QuestionQueries questionQueries, StatementQueries statements,
        ActorRef actor, ActorRef? compare, TimeAxes axes, CancellationToken cancellationToken) =>
        await LoadAsync(stances, questionQueries, statements, actor, compare, axes, history: null, cancellationToken);

    /// <summary>As above, reusing the actor's <paramref name="history"/> when the caller has replayed it already.</summary>
    public static async Task<StanceChartData> LoadAsync(StanceQueries stances, QuestionQueries questionQueries, StatementQueries statements,
        ActorRef actor, ActorRef? compare, TimeAxes axes, IReadOnlyDictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)>? history,
        CancellationToken cancellationToken)
    {
        var questions = await questionQueries.ListAsync(cancellationToken);
        // On the thread pool: a page's circuit stays free to render while a long history is replayed.
        var mine = history ?? await Task.Run(() => stances.HistoryAsync(actor.Slug, axes.AsOf, axes.KnownAt, axes.Lens, cancellationToken), cancellationToken);
        var theirs = compare is null ? null
            : await Task.Run(() => stances.HistoryAsync(compare.Slug, axes.AsOf, axes.KnownAt, axes.Lens, cancellationToken), cancellationToken);
        // Beside the stance as it stood then, where we now believe it stood: the two differ before a change of mind.
        var hindsightLens = axes.Lens with { View = StanceView.Hindsight };
        var hindsight = axes.Lens.Method == Methodology.Version2 && axes.Lens.View == StanceView.AsOf
            ? await Task.Run(() => stances.HistoryAsync(actor.Slug, axes.AsOf, axes.KnownAt, hindsightLens, cancellationToken), cancellationToken)
            : null;

        var panels = new List<ChartPanel>();
        foreach (var question in questions)
        {
            var series = new List<ChartSeries>();
            if (mine.TryGetValue(question.Slug, out var a)) series.Add(new ChartSeries(actor.Slug, actor.Name, StanceLine.Thin(a.Line), a.Shifts));
            if (compare is not null && theirs!.TryGetValue(question.Slug, out var b)) series.Add(new ChartSeries(compare.Slug, compare.Name, StanceLine.Thin(b.Line), b.Shifts));
            // A question only the compared actor spoke to says nothing about this actor's line.
            if (series.Any(s => s.ActorSlug == actor.Slug))
                panels.Add(new ChartPanel(question.Slug, question.Title, series, hindsight?.GetValueOrDefault(question.Slug).Line is { } line ? StanceLine.Thin(line) : null));
        }

        var summaries = await statements.SummariesAsync(
            panels.SelectMany(p => p.Series).SelectMany(s => s.Line).Select(p => p.StatementKey).Distinct().ToList(), cancellationToken);

        var dates = panels.SelectMany(p => p.Series).SelectMany(s => s.Line).Select(p => p.Date.Value).ToList();
        var first = dates.Count == 0 ? axes.AsOf.AddMonths(-1) : dates.Min();
        var last = dates.Count == 0 ? axes.AsOf : dates.Max();
        // Start a month before the first point so it does not sit on the axis; stop a few months after the last one
        // rather than at a far as-of date, which would squeeze every point against the left edge.
        var from = new DateOnly(first.Year, first.Month, 1).AddMonths(-1);
        var to = new[] { axes.AsOf, new DateOnly(last.Year, last.Month, 1).AddMonths(4) }.Min();
        if (from >= to) to = from.AddMonths(1);
        return new StanceChartData(actor.Name, compare?.Name, panels, from, to, axes.AsOf, summaries, axes.Stamp);
    }
}
