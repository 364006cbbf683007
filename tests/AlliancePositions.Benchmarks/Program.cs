using System.Globalization;
using AlliancePositions.Benchmarks;
using AlliancePositions.Core.Stances;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/AlliancePositions.Benchmarks [-- --sizes 10k,100k,1m] [--skip-import] [--postgres <connection string>]
// With a PostgreSQL server (--postgres, or ALLIANCEPOSITIONS_TEST_POSTGRES as `.ci/postgres-cluster start` prints it),
// each corpus is copied into the PostgreSQL database alliancepositions_bench_{size} (once; reruns keep it) and every
// service benchmark and the import run on both providers in the same run, with a Provider column.
// --postgres-only: with a PostgreSQL server, measure it alone (SQLite's figures of the sizes already on record).
// --prepare: make the corpora (and their PostgreSQL copies) that are missing, and stop.
// --import-only: measure corpus import alone at every selected size (10k and 100k are practical), print it, and stop.
// Reads (and if missing, generates) generated/{size}.db, runs the benchmarks in-process with a short job, measures
// import, and writes docs/performance/results.md and docs/performance/time-vs-corpus-size.png.
// --replot docs/performance/x.md: redraw the plot of an earlier results table (beside it, same name, .png) and stop.
// --visit-pages <base url> --size 1m [--pid N]: time every page of a running app in Chromium instead (PageVisits).
//   With --circuits N (and --pid): keep N tabs open, each its own circuit, and state what one open circuit costs
//   (on the busiest actor's page and the statements page by turns, or all on --circuit-path /some/page).
// --suggestions: the assistant's suggestions for a 2,000-word article (SuggestionBenchmarks), and stop.
// --only agreement,reads,timetravel: run only those benchmark classes (default: all three).
// --benchmark "actor page": only the benchmarks whose description contains that text.
// --http <base url> [--connections 16] [--seconds 20] [--size 1m] [--token <bearer>] [--writers 8]: load a running app
//   over HTTP (HttpLoad): /livez, the 20-actor agreement and the statement filter, with requests/s, p50 and p99.
if (args.Contains("--suggestions"))
{
    BenchmarkRunner.Run<SuggestionBenchmarks>(ManualConfig.CreateMinimumViable()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator));
    return 0;
}
var http = args.SkipWhile(a => a != "--http").Skip(1).FirstOrDefault();
if (http is not null) return await HttpLoad.RunAsync(http, args);
var visit = args.SkipWhile(a => a != "--visit-pages").Skip(1).FirstOrDefault();
if (visit is not null)
{
    var pidArg = args.SkipWhile(a => a != "--pid").Skip(1).FirstOrDefault();
    int? pid = pidArg is null ? null : int.Parse(pidArg, CultureInfo.InvariantCulture);
    var size = args.SkipWhile(a => a != "--size").Skip(1).FirstOrDefault() ?? "1m";
    var circuits = args.SkipWhile(a => a != "--circuits").Skip(1).FirstOrDefault();
    return circuits is null ? await PageVisits.RunAsync(visit, size, pid)
        : await PageVisits.CircuitCostAsync(visit, size, pid, int.Parse(circuits, CultureInfo.InvariantCulture),
            args.SkipWhile(a => a != "--circuit-path").Skip(1).FirstOrDefault());
}
var replot = args.SkipWhile(a => a != "--replot").Skip(1).FirstOrDefault();
if (replot is not null)
{
    ResultsReport.Plot(ResultsReport.Read(replot), Path.ChangeExtension(replot, ".png"));
    return 0;
}
var postgresArg = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
if (postgresArg is not null) Corpora.PostgresAdmin = postgresArg;
Corpora.PostgresOnly = args.Contains("--postgres-only");
if (Corpora.PostgresOnly && Corpora.PostgresAdmin is null)
{
    Console.Error.WriteLine($"--postgres-only needs a PostgreSQL server: --postgres <connection string> or {Corpora.PostgresVariable}.");
    return 2;
}
var sizesArg = args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault();
if (sizesArg is not null) Corpora.Selected = [.. sizesArg.Split(',', StringSplitOptions.RemoveEmptyEntries)];
var unknown = Corpora.Selected.Where(s => !Corpora.Sizes.ContainsKey(s)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown size(s) {string.Join(", ", unknown)}: choose from {string.Join(", ", Corpora.Sizes.Keys)}.");
    return 2;
}
var only = (args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() ?? "agreement,reads,timetravel")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
if (only.Except(["agreement", "reads", "timetravel"], StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknownOnly)
{
    Console.Error.WriteLine($"Unknown benchmark(s) {string.Join(", ", unknownOnly)} in --only: choose from agreement, reads, timetravel.");
    return 2;
}
foreach (var size in Corpora.Selected) await Corpora.EnsureAsync(size);
if (Corpora.PostgresAdmin is not null)
    foreach (var size in Corpora.Selected) await Corpora.EnsurePostgresAsync(size);
if (args.Contains("--prepare")) return 0;
if (args.Contains("--import-only"))
{
    foreach (var size in Corpora.Selected)
        foreach (var provider in Corpora.Providers)
        {
            var import = await ImportMeasurement.MeasureAsync(size, provider);
            Console.WriteLine(FormattableString.Invariant(
                $"Import {size} on {provider}: {import.ImporterPerSecond:N0} statements/s ({import.ImporterSeconds:F2} s); {import.Reference} {import.CliPerSecond:N0}/s ({import.CliSeconds:F2} s); ratio {import.Ratio:F3}"));
        }
    return 0;
}

// The hand-written reference must compute what the service computes, or the ratio means nothing: on every provider,
// for the 20 busiest actors, at every selected size (when the agreement is measured).
foreach (var size in Corpora.Selected.Where(_ => only.Contains("agreement")))
    foreach (var provider in Corpora.Providers)
    {
        using var connection = AgreementBenchmarks.OpenWithFunctions(Corpora.ConnectionString(size));
        var question = Corpora.Scalar(size, "SELECT Slug FROM Questions ORDER BY Id LIMIT 1");
        var actors = AgreementBenchmarks.BusiestOn(connection, question, 20);
        Dictionary<string, double?> sql;
        if (provider == Corpora.PostgreSql)
        {
            await using var postgres = new Npgsql.NpgsqlConnection(Corpora.PostgresConnectionString(size));
            await postgres.OpenAsync();
            sql = AgreementBenchmarks.Positions(postgres, question, actors, AgreementBenchmarks.AsOf, AgreementBenchmarks.AsOf);
        }
        else sql = AgreementBenchmarks.Positions(connection, question, actors, AgreementBenchmarks.AsOf, AgreementBenchmarks.AsOf);
        var service = (await new StanceQueries(Corpora.Factory(size, provider)).ForQuestionAsync(question, AgreementBenchmarks.AsOf, AgreementBenchmarks.AsOf, AgreementBenchmarks.WeightedMean, actors, CancellationToken.None))!;
        var worst = service.Stances.Max(s => Math.Abs((s.Stance.Position ?? 0) - (sql.GetValueOrDefault(s.Actor.Slug) ?? 0)));
        var nulls = service.Stances.Count(s => s.Stance.Position is null != (sql.GetValueOrDefault(s.Actor.Slug) is null));
        Console.WriteLine($"Reference check at {size} on {provider}: {service.Stances.Count} actors, {sql.Count} from SQL, largest position difference service vs SQL = {worst:E2}, null mismatches {nulls}");
        if (worst > 1e-9 || nulls > 0) { Console.Error.WriteLine($"The hand-written SQL on {provider} does not compute the service's positions."); return 1; }
    }

var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance);
var config = ManualConfig.CreateMinimumViable().AddJob(job).AddColumn(StatisticColumn.P95).WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summaries = new List<Summary>();
if (only.Contains("agreement")) summaries.Add(BenchmarkRunner.Run<AgreementBenchmarks>(config));
if (only.Contains("reads")) summaries.Add(BenchmarkRunner.Run<ReadBenchmarks>(config));
// A page at a date not seen before takes up to a minute at 1M: one warm-up and three single-call iterations each
// (BenchmarkDotNet's monitoring strategy, no pilot), with a time limit the in-process toolchain's default (5 min) is not.
var slowJob = new Job("TimeTravel").WithStrategy(BenchmarkDotNet.Engines.RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
    .WithIterationCount(3).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true));
var slowConfig = ManualConfig.CreateMinimumViable().AddJob(slowJob).AddColumn(StatisticColumn.P95).WithOptions(ConfigOptions.DisableOptimizationsValidator);
if (args.SkipWhile(a => a != "--benchmark").Skip(1).FirstOrDefault() is { } named)
{
    var filter = new SimpleFilter(b => b.Descriptor.WorkloadMethodDisplayInfo.Contains(named, StringComparison.OrdinalIgnoreCase));
    config = config.AddFilter(filter);
    slowConfig = slowConfig.AddFilter(filter);
}
if (only.Contains("timetravel")) summaries.Add(BenchmarkRunner.Run<TimeTravelBenchmarks>(slowConfig));

var imports = new List<ImportFigures>();
if (!args.Contains("--skip-import"))
    foreach (var size in Corpora.Selected.Where(s => Corpora.Sizes[s] <= 10_000))
        foreach (var provider in Corpora.Providers)
            imports.Add(await ImportMeasurement.MeasureAsync(size, provider));

var rows = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).Select(r => new ResultRow(
    r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
    (string)r.BenchmarkCase.Parameters["Size"],
    r.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Actors")?.Value as int?,
    r.ResultStatistics!.Mean / 1e6, r.ResultStatistics.Percentiles.P95 / 1e6,
    (string)r.BenchmarkCase.Parameters["Provider"])).ToList();
var output = Path.Combine(Corpora.Root, "docs", "performance");
Directory.CreateDirectory(output);
ResultsReport.Write(rows, imports, output);
Console.WriteLine($"Wrote {Path.Combine(output, "results.md")} and the plot, {DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture)}");
return 0;
