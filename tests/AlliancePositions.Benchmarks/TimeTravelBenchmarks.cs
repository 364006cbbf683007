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
/// What a page costs at an <c>asOf</c> the app has not asked for before (the time-travel target: under 300 ms at 1M,
/// under 2 s with <c>knownAt</c> in the past). The services are built as the app builds them, with a
/// <see cref="StanceCache"/> whose question histories are built once in the setup (as the app's warmer builds them
/// after every write); each call then asks for a date one day after the last call's, so no date's stances are ever
/// cached. Each benchmark makes the Core calls its page makes, in the page's order, with the default
/// <see cref="StanceLens"/> and <c>knownAt</c> today, the pages' defaults. What the warmer pays after a write is
/// measured apart (<see cref="BuildHistories"/>).
/// </summary>
public class TimeTravelBenchmarks : IDisposable
{
    /// <summary>The first past date asked for; each call asks for the day after the previous call's.</summary>
    public static readonly DateOnly AsOf = new(2024, 3, 15);

    /// <summary>The pages' default knowledge date: today, which every generated statement is known by.</summary>
    public static readonly DateOnly KnownNow = DateOnly.FromDateTime(DateTime.UtcNow);

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

    private StanceCache cache = null!;
    private StanceQueries stances = null!;
    private StanceQueries uncached = null!;
    private QuestionQueries questions = null!;
    private StatementQueries statements = null!;
    private CountryQueries countries = null!;
    private ActorQueries actors = null!;
    private TopicQueries topics = null!;
    private string question = "";
    private string busiest = "";
    private int calls;

    [GlobalSetup]
    public void Setup()
    {
        var factory = Corpora.Factory(Size, Provider);
        cache = new StanceCache();
        stances = new StanceQueries(factory, cache);
        uncached = new StanceQueries(factory);
        questions = new QuestionQueries(factory);
        statements = new StatementQueries(factory, StatementTextSearch.For(Corpora.ProviderOf(Provider)));
        countries = new CountryQueries(factory, stances);
        actors = new ActorQueries(factory);
        topics = new TopicQueries(factory);
        question = Corpora.Scalar(Size, "SELECT Slug FROM Questions ORDER BY Id LIMIT 1");
        busiest = Corpora.BusiestActor(Size);
        // The warmer's work after a write: every question's history.
        foreach (var summary in questions.ListAsync(CancellationToken.None).GetAwaiter().GetResult())
            _ = stances.OverviewAsync(summary.Slug, AsOf, KnownNow, StanceLens.Default, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        cache.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A date no call has asked for before.</summary>
    private DateOnly NextDate() => AsOf.AddDays(Interlocked.Increment(ref calls));

    /// <summary>The home page (<c>HomePage.razor</c>): every question's stances and shifts, and the latest statements.</summary>
    [Benchmark(Description = "time travel: home page")]
    public async Task<int> HomePage()
    {
        var ct = CancellationToken.None;
        var asOf = NextDate();
        var shifts = 0;
        foreach (var summary in await questions.ListAsync(ct))
            if (await stances.OverviewAsync(summary.Slug, asOf, KnownNow, StanceLens.Default, ct) is { } found) shifts += found.Shifts.Count;
        return shifts + (await statements.LatestAsync(asOf, KnownNow, LatestStatements, ct)).Count;
    }

    /// <summary>After a write: every question's history built again (the warmer's background work, no page waits for it).</summary>
    [Benchmark(Description = "after a write: every question's history built")]
    public async Task<int> BuildHistories()
    {
        var ct = CancellationToken.None;
        var states = 0;
        foreach (var summary in await questions.ListAsync(ct))
            states += (await uncached.OverviewAsync(summary.Slug, AsOf, KnownNow, StanceLens.Default, ct))?.Stances.Count ?? 0;
        return states;
    }

    /// <summary>The question page (<c>QuestionPage.LoadQuestionAsync</c>): every actor's stance, and each bloc's cohesion.</summary>
    [Benchmark(Description = "time travel: question page")]
    public Task<int> QuestionPage() => QuestionPageAsync(NextDate(), KnownNow);

    /// <summary>The question page as known two years before the date: <c>knownAt</c> in the past, the slow path.</summary>
    [Benchmark(Description = "time travel: question page, knownAt in the past")]
    public Task<int> QuestionPageKnownEarlier() => QuestionPageAsync(PastAsOf.AddDays(Interlocked.Increment(ref calls)), PastKnownAt);

    private async Task<int> QuestionPageAsync(DateOnly asOf, DateOnly knownAt)
    {
        var ct = CancellationToken.None;
        if (await questions.FindAsync(question, ct) is null) throw new InvalidOperationException($"No question {question}.");
        var found = (await stances.OverviewAsync(question, asOf, knownAt, StanceLens.Default, ct))!;
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
        var (asOf, knownAt) = (NextDate(), KnownNow);
        _ = await actors.FindAsync(busiest, ct) ?? throw new InvalidOperationException($"No actor {busiest}.");
        _ = await questions.ListAsync(ct);
        _ = await topics.ListTopicsAsync(ct);
        _ = await actors.ListAsync(null, 1, PageLimits.MaxPageSize, ct);
        var mine = await stances.ActorOverviewAsync(busiest, asOf, knownAt, lens, ct);
        var timeline = await actors.TimelineAsync(busiest, new TimelineFilter(To: asOf, Page: 1, PageSize: TimelinePageSize, KnownAt: knownAt), ct);
        var history = await stances.HistoryAsync(busiest, asOf, knownAt, lens, ct);
        var similar = await stances.SimilarActorsAsync(busiest, mine.Keys.ToList(), asOf, knownAt, lens, SimilarActors.Shown, ct);
        // The chart: the question list again, the hindsight line beside the as-of one, the summaries behind its points.
        _ = await questions.ListAsync(ct);
        var hindsight = lens.Method == Methodology.Version2 && lens.View == StanceView.AsOf
            ? await stances.HistoryAsync(busiest, asOf, knownAt, lens with { View = StanceView.Hindsight }, ct)
            : null;
        var keys = history.Values.SelectMany(h => StanceLine.Thin(h.Line)).Select(p => p.StatementKey).Distinct().ToList();
        var summaries = await statements.SummariesAsync(keys, ct);
        return mine.Count + (timeline?.Page.Items.Count ?? 0) + similar.Count + (hindsight?.Count ?? 0) + summaries.Count;
    }
}
