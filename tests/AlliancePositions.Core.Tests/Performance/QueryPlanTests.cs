using System.Data.Common;
using System.Text.RegularExpressions;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using AlliancePositions.Core.Tests.Corpus.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlliancePositions.Core.Tests.Performance;

/// <summary>
/// The guard against a refactor that silently makes the product slow: the hot queries, as EF generates them for the
/// real services over a 20k-statement synthetic corpus, must reach statements and codings through an index
/// (<c>SEARCH ... USING INDEX</c>), never by a full <c>SCAN</c>. The benchmarks (tests/AlliancePositions.Benchmarks)
/// measure how fast; this test only checks how.
/// </summary>
public partial class QueryPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] GuardedTables = ["Statements", "Codings", "StatementTopics"];

    [Fact]
    public async Task Statement_filter_actor_timeline_and_question_stances_never_scan_statements_or_codings()
    {
        var recorder = new CommandRecorder();
        await using var database = await GeneratedDatabase.CreateAsync(20_000, actors: 200, seed: 42, recorder);
        var plans = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, read) in HotReads(database, new SqliteStatementTextSearch(), await ChooseAsync(database)))
        {
            recorder.Clear();
            await read();
            Assert.NotEmpty(recorder.Commands);
            plans[name] = recorder.Commands.SelectMany(c => FullScans(database, c)).ToList();
        }

        Assert.All(plans, plan => Assert.True(plan.Value.Count == 0, $"{plan.Key} scans a whole table:\n{string.Join("\n", plan.Value)}"));
    }

    /// <summary>
    /// The reads behind the busiest pages, in order (the texts of the listed evidence follow the question's stances):
    /// the statement filter, an actor's timeline, and the stances as of a date, which is what time travel reads.
    /// </summary>
    private static IEnumerable<(string Name, Func<Task> Read)> HotReads(IDbContextFactory<AppDbContext> database, IStatementTextSearch search, Chosen chosen)
    {
        var (busiest, question, topic, _) = chosen;
        var statements = new StatementQueries(database, search);
        yield return ("statement filter", () => statements.SearchAsync(
            new StatementFilter(Topic: topic, Actor: busiest, Text: "Bakhmut", From: new DateOnly(2016, 1, 1), To: new DateOnly(2025, 12, 31)), Ct));
        yield return ("actor timeline", () => new ActorQueries(database).TimelineAsync(busiest, new TimelineFilter(), Ct));
        var day = new DateOnly(2025, 1, 1);
        var stances = new StanceQueries(database);
        QuestionStances? found = null;
        yield return ("question stances", async () => found = await stances.ForQuestionAsync(question, day, day, StanceLens.Default, null, Ct));
        yield return ("chosen actors' stances", () => stances.ForQuestionAsync(question, day, day, StanceLens.Default, [busiest], Ct));
        yield return ("texts of listed evidence", () => stances.WithTextsAsync(found!.Stances.Select(s => s.Stance).ToList(), Ct));
        yield return ("actor's stances", () => stances.ForActorAsync(busiest, day, day, StanceLens.Default, Ct));
        yield return ("actor's history", () => stances.HistoryAsync(busiest, day, day, StanceLens.Default, Ct));
        // Time travel with hindsight removed: what was known two years before the date asked about.
        var known = day.AddYears(-2);
        yield return ("question stances known earlier", () => stances.ForQuestionAsync(question, day, known, StanceLens.Default, null, Ct));
        yield return ("actor's stances known earlier", () => stances.ForActorAsync(busiest, day, known, StanceLens.Default, Ct));
        yield return ("actor's history known earlier", () => stances.HistoryAsync(busiest, day, known, StanceLens.Default, Ct));
        // Time travel with everything known, as the pages ask: each question's history, then the actor's line read off
        // them, with its statements' keys, and the summaries behind the chart's points.
        var everything = new DateOnly(2100, 1, 1);
        IReadOnlyDictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)>? lines = null;
        yield return ("question's history", () => stances.OverviewAsync(question, day, everything, StanceLens.Default, Ct));
        yield return ("actor's line read off the histories", async () => lines = await stances.HistoryAsync(busiest, day, everything, StanceLens.Default, Ct));
        yield return ("chart's summaries", () => statements.SummariesAsync(lines!.Values.SelectMany(l => l.Line).Select(p => p.StatementKey).Distinct().ToList(), Ct));
    }

    [Fact]
    public async Task The_guard_notices_a_full_scan()
    {
        var recorder = new CommandRecorder();
        await using var database = await GeneratedDatabase.CreateAsync(200, actors: 20, seed: 1, recorder);
        await using var db = database.CreateDbContext();

        // A filter no index serves: what the guard exists to catch.
        await db.Statements.Where(s => s.Summary.Length > 10).CountAsync(Ct);

        var scans = recorder.Commands.SelectMany(c => FullScans(database, c)).ToList();
        Assert.Single(scans);
        Assert.StartsWith("SCAN Statements", scans[0], StringComparison.Ordinal);
    }

    /// <summary>The plan lines that read all of a guarded table ("SCAN s" where s is an alias of Statements), named by table.</summary>
    private static List<string> FullScans(GeneratedDatabase database, RecordedCommand command, string[]? guarded = null)
    {
        var guardedTables = guarded ?? GuardedTables;
        var aliases = Aliases(command);
        foreach (var table in guardedTables) aliases[table] = table;
        var found = new List<string>();
        foreach (var detail in Plan(database, command))
        {
            var scan = ScanPattern().Match(detail);
            if (scan.Success && aliases.TryGetValue(scan.Groups["name"].Value, out var table) && guardedTables.Contains(table))
                found.Add($"SCAN {table} ({detail}) in:\n{command.Sql}");
        }
        return found;
    }

    /// <summary>The command's table aliases ("s" for <c>"Statements" AS "s"</c>), each with its table.</summary>
    private static Dictionary<string, string> Aliases(RecordedCommand command) =>
        // Column aliases match too (a UNION names its columns once per part): the first of a name is kept.
        AliasPattern().Matches(command.Sql).GroupBy(m => m.Groups["alias"].Value).ToDictionary(g => g.Key, g => g.First().Groups["table"].Value);

    /// <summary>The lines of SQLite's <c>EXPLAIN QUERY PLAN</c> for the command with its parameters.</summary>
    private static List<string> Plan(GeneratedDatabase database, RecordedCommand command) => PlanRows(database, command).Select(row => row.Detail).ToList();

    /// <summary>The plan's rows: each step with its id and its parent's, which say what it is nested in.</summary>
    private static List<(long Id, long Parent, string Detail)> PlanRows(GeneratedDatabase database, RecordedCommand command)
    {
        using var connection = database.OpenConnection();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = explain.ExecuteReader();
        var rows = new List<(long, long, string)>();
        while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
        return rows;
    }

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^SCAN (?<name>\w+)")]
    private static partial Regex ScanPattern();

    private sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Records every SQL command the services send, with its parameter values, to explain it afterwards.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly List<RecordedCommand> commands = [];

        public IReadOnlyList<RecordedCommand> Commands { get { lock (commands) return commands.ToList(); } }

        public void Clear() { lock (commands) commands.Clear(); }

        private void Record(DbCommand command)
        {
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (commands) commands.Add(new RecordedCommand(command.CommandText, parameters));
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}
