using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using BenchmarkDotNet.Attributes;

namespace AlliancePositions.Benchmarks;

/// <summary>What the statements page and the actor page load first, against the p95 ≤ 30 ms budget at 1M.</summary>
public class ReadBenchmarks
{
    [ParamsSource(nameof(Sizes))] public string Size { get; set; } = "10k";

    [ParamsSource(nameof(Providers))] public string Provider { get; set; } = Corpora.Sqlite;

    public static IEnumerable<string> Sizes => Corpora.Selected;

    public static IEnumerable<string> Providers => Corpora.Providers;

    /// <summary>A topic with sub-topics, the busiest actor, ten years, and a term in about 1% of the statements.</summary>
    public static StatementFilter FilterFor(string actor) =>
        new(Topic: "escalation", Actor: actor, Text: "Bakhmut", From: new DateOnly(2016, 1, 1), To: new DateOnly(2025, 12, 31), Page: 1, PageSize: 50);

    private StatementQueries statements = null!;
    private ActorQueries actors = null!;
    private string busiest = "";

    [GlobalSetup]
    public void Setup()
    {
        var factory = Corpora.Factory(Size, Provider);
        statements = new StatementQueries(factory, StatementTextSearch.For(Corpora.ProviderOf(Provider)));
        actors = new ActorQueries(factory);
        busiest = Corpora.BusiestActor(Size);
    }

    [Benchmark(Description = "statement filter, first page")]
    public async Task<int> StatementFilter() => (await statements.SearchAsync(FilterFor(busiest), CancellationToken.None)).Page.Total;

    [Benchmark(Description = "actor timeline, first page")]
    public async Task<int> ActorTimeline() => (await actors.TimelineAsync(busiest, new TimelineFilter(), CancellationToken.None))!.Page.Items.Count;
}
