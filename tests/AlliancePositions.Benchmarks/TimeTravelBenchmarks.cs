using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using BenchmarkDotNet.Attributes;

namespace AlliancePositions.Benchmarks;

/// <summary>
/// What a page costs at an <c>asOf</c>/<c>knownAt</c> the app has not computed before (the time-travel target: under
/// 300 ms at 1M, under 2 s with <c>knownAt</c> in the past). The services are built as the app builds them, but without
/// the <see cref="StanceCache"/>, so every call computes; each benchmark makes the Core calls its page makes, in the
/// page's order, with the default <see cref="StanceLens"/> (the pages' lens when the URL names none).
/// </summary>
/// <remarks>
/// Without the cache the question page's bloc cohesion computes its office holders' stances itself, where the app, at a
/// date it has not seen, finds the question's stances being computed and filters them: that step costs a little more
/// here than in the app (it reads the holders' evidence only, a small part of the question's).
/// </remarks>
public class TimeTravelBenchmarks
{
    /// <summary>A past date no page asks for by default (they default to today).</summary>
    public static readonly DateOnly AsOf = new(2024, 3, 15);

    /// <summary>The slow path: what was known two years before the date asked about.</summary>
    public static readonly DateOnly PastAsOf = new(2025, 6, 30);

    public static readonly DateOnly PastKnownAt = PastAsOf.AddYears(-2);

    /// <summary>As the pages: <c>TimelinePageSize</c>, <c>StatementCount</c> and <c>SimilarActors.Shown</c>.</summary>
    private const int TimelinePageSize = 20;

    private const int LatestStatements = 10;

    [ParamsSource(nameof(Sizes))] public string Size { get; set; } = "10k";

    [ParamsSource(nameof(Providers))] public string Provider { get; set; } = Corpora.Sqlite;

    public static IEnumerable<string> Sizes => Corpora.Selected;

    public static IEnumerable<string> Providers => Corpora.Providers;

    private StanceQueries stances = null!;
    private QuestionQueries questions = null!;
    private StatementQueries statements = null!;
    private CountryQueries countries = null!;
    private ActorQueries actors = null!;
    private TopicQueries topics = null!;
    private string question = "";
    private string busiest = "";

    [GlobalSetup]
    public void Setup()
    {
        var factory = Corpora.Factory(Size, Provider);
        stances = new StanceQueries(factory); // no StanceCache: every call computes, as at a date not seen before
        questions = new QuestionQueries(factory);
        statements = new StatementQueries(factory, StatementTextSearch.For(Corpora.ProviderOf(Provider)));
        countries = new CountryQueries(factory, stances);
        actors = new ActorQueries(factory);
        topics = new TopicQueries(factory);
        question = Corpora.Scalar(Size, "SELECT Slug FROM Questions ORDER BY Id LIMIT 1");
        busiest = Corpora.BusiestActor(Size);
    }

    /// <summary>The home page (<c>HomePage.razor</c>): every question's stances and shifts, and the latest statements.</summary>
    [Benchmark(Description = "time travel: home page")]
    public async Task<int> HomePage()
    {
        var ct = CancellationToken.None;
        var shifts = 0;
        foreach (var summary in await questions.ListAsync(ct))
            if (await stances.ForQuestionAsync(summary.Slug, AsOf, AsOf, StanceLens.Default, null, ct) is { } found) shifts += found.Shifts.Count;
        return shifts + (await statements.LatestAsync(AsOf, AsOf, LatestStatements, ct)).Count;
    }

    /// <summary>The question page (<c>QuestionPage.LoadQuestionAsync</c>): every actor's stance, and each bloc's cohesion.</summary>
    [Benchmark(Description = "time travel: question page")]
    public Task<int> QuestionPage() => QuestionPageAsync(AsOf, AsOf);

    /// <summary>The question page as known two years before the date: <c>knownAt</c> in the past, the slow path.</summary>
    [Benchmark(Description = "time travel: question page, knownAt in the past")]
    public Task<int> QuestionPageKnownEarlier() => QuestionPageAsync(PastAsOf, PastKnownAt);

    private async Task<int> QuestionPageAsync(DateOnly asOf, DateOnly knownAt)
    {
        var ct = CancellationToken.None;
        if (await questions.FindAsync(question, ct) is null) throw new InvalidOperationException($"No question {question}.");
        var found = (await stances.ForQuestionAsync(question, asOf, knownAt, StanceLens.Default, null, ct))!;
        return found.Stances.Count + (await countries.CohesionOnQuestionAsync(question, asOf, knownAt, ct)).Count;
    }

    /// <summary>
    /// The busiest actor's page (<c>ActorPage.OnParametersSetAsync</c> and <c>StanceChartData.LoadAsync</c>): the profile
    /// and stances, the first page of the timeline, the history the sentences and chart draw, the most similar actors,
    /// the chart's hindsight line (methodology 2.0, as of a date) and the summaries of the points it shows.
    /// </summary>
    [Benchmark(Description = "time travel: actor page")]
    public async Task<int> ActorPage()
    {
        var ct = CancellationToken.None;
        var lens = StanceLens.Default;
        _ = await actors.FindAsync(busiest, ct) ?? throw new InvalidOperationException($"No actor {busiest}.");
        _ = await questions.ListAsync(ct);
        _ = await topics.ListTopicsAsync(ct);
        _ = await actors.ListAsync(null, 1, PageLimits.MaxPageSize, ct);
        var mine = await stances.ForActorAsync(busiest, AsOf, AsOf, lens, ct);
        var timeline = await actors.TimelineAsync(busiest, new TimelineFilter(To: AsOf, Page: 1, PageSize: TimelinePageSize, KnownAt: AsOf), ct);
        var history = await stances.HistoryAsync(busiest, AsOf, AsOf, lens, ct);
        var similar = await stances.SimilarActorsAsync(busiest, mine.Keys.ToList(), AsOf, AsOf, lens, SimilarActors.Shown, ct);
        // The chart: the question list again, the hindsight line beside the as-of one, the summaries behind its points.
        _ = await questions.ListAsync(ct);
        var hindsight = lens.Method == Methodology.Version2 && lens.View == StanceView.AsOf
            ? await stances.HistoryAsync(busiest, AsOf, AsOf, lens with { View = StanceView.Hindsight }, ct)
            : null;
        var keys = history.Values.SelectMany(h => StanceLine.Thin(h.Line)).Select(p => p.StatementKey).Distinct().ToList();
        var summaries = await statements.SummariesAsync(keys, ct);
        return mine.Count + (timeline?.Page.Items.Count ?? 0) + similar.Count + (hindsight?.Count ?? 0) + summaries.Count;
    }
}
