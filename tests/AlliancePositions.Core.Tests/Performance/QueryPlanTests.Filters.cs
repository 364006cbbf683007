using AlliancePositions.Core.Data;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using AlliancePositions.Core.Tests.Corpus.Generation;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Performance;

/// <summary>
/// The guard over every filter the statements page offers, alone and combined (each run as the page runs it: the
/// capped count and the first page), and the page's counts per topic.
/// </summary>
public partial class QueryPlanTests
{
    [Fact]
    public async Task Every_statement_filter_combination_never_scans_a_whole_table()
    {
        var recorder = new CommandRecorder();
        await using var database = await GeneratedDatabase.CreateAsync(20_000, actors: 200, seed: 42, recorder);
        var found = new Dictionary<string, List<string>>();
        foreach (var (name, read) in FilterReads(new StatementQueries(database, new SqliteStatementTextSearch()), await ChooseAsync(database)))
        {
            recorder.Clear();
            await read();
            Assert.NotEmpty(recorder.Commands);
            found[name] = recorder.Commands.SelectMany(c => FullScans(database, c)).ToList();
        }

        Assert.All(found, plan => Assert.True(plan.Value.Count == 0, $"{plan.Key} scans a whole table:\n{string.Join("\n", plan.Value)}"));
    }

    /// <summary>
    /// Every order the list offers, on the whole list: the first page is read off an index in that order and stops
    /// there, where a sort ("USE TEMP B-TREE FOR ORDER BY") would order every statement first (seconds at 1M). A
    /// partial sort of the rows that tie on the leading index column ("... FOR RIGHT PART OF ORDER BY") is fine. Not
    /// the actor order: SQLite sorts every statement by its actor's name, a known gap (docs/performance.md, run 7).
    /// </summary>
    [Theory]
    [InlineData(StatementSort.DateDescending)]
    [InlineData(StatementSort.DateAscending)]
    [InlineData(StatementSort.Credibility)]
    public async Task Every_order_of_the_statement_list_reads_its_first_page_in_index_order(StatementSort sort)
    {
        var recorder = new CommandRecorder();
        await using var database = await GeneratedDatabase.CreateAsync(20_000, actors: 200, seed: 42, recorder);
        recorder.Clear();

        var page = await new StatementQueries(database, new SqliteStatementTextSearch()).SearchAsync(new StatementFilter(Sort: sort), Ct);

        Assert.Equal(50, page.Page.Items.Count);
        var sorts = recorder.Commands.SelectMany(c => StatementSorts(database, c)).ToList();
        Assert.True(sorts.Count == 0, $"Sorted by {sort}, the list orders every statement before its first page:\n{string.Join("\n", sorts)}");
    }

    /// <summary>
    /// The sorts of statement rows in the command's plan: "USE TEMP B-TREE FOR ORDER BY" beside a read of
    /// <c>Statements</c> (the sort of the 50 rows of a page, beside the read of the page's subquery, is not one).
    /// </summary>
    private static List<string> StatementSorts(GeneratedDatabase database, RecordedCommand command)
    {
        var statements = Aliases(command).Where(alias => alias.Value == "Statements").Select(alias => alias.Key).Append("Statements").ToHashSet();
        var rows = PlanRows(database, command);
        return rows.Where(row => row.Detail == "USE TEMP B-TREE FOR ORDER BY")
            .Where(sort => rows.Any(row => row.Parent == sort.Parent && ReadPattern().Match(row.Detail) is { Success: true } read && statements.Contains(read.Groups["name"].Value)))
            .Select(sort => $"{sort.Detail} in the plan\n{string.Join("\n", rows.Select(row => $"{row.Id} under {row.Parent}: {row.Detail}"))}\nof:\n{command.Sql}").ToList();
    }

    [GeneratedRegex(@"^(SCAN|SEARCH) (?<name>\w+)")]
    private static partial Regex ReadPattern();

    /// <summary>What the guards filter by: the busiest actor, the first question and the first two top-level topics.</summary>
    private sealed record Chosen(string Busiest, string Question, string Topic, string OtherTopic);

    private static async Task<Chosen> ChooseAsync(IDbContextFactory<AppDbContext> database)
    {
        await using var db = await database.CreateDbContextAsync(Ct);
        var topics = await db.Topics.Where(t => t.ParentId == null).OrderBy(t => t.Slug).Select(t => t.Slug).Take(2).ToListAsync(Ct);
        return new Chosen(
            await db.Statements.GroupBy(s => s.Actor.Slug).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Ct),
            await db.Questions.OrderBy(q => q.Slug).Select(q => q.Slug).FirstAsync(Ct),
            topics[0], topics[1]);
    }

    /// <summary>
    /// Every filter the statements page offers, alone and combined, then the counts per topic beside a narrowing filter:
    /// one grouped query that starts from that filter's index. (With no other filter they count every tag, which is
    /// what they are asked for.)
    /// </summary>
    private static IEnumerable<(string Name, Func<Task> Read)> FilterReads(StatementQueries statements, Chosen chosen)
    {
        var (busiest, question, topic, other) = chosen;
        var (from, to) = (new DateOnly(2016, 1, 1), new DateOnly(2025, 12, 31));
        var filters = new Dictionary<string, StatementFilter>
        {
            ["topic subtree"] = new(Topic: topic),
            ["full text"] = new(Text: "Bakhmut"),
            ["date range"] = new(From: from, To: to),
            ["actor"] = new(Actor: busiest),
            ["question"] = new(Question: question),
            ["topic + text"] = new(Topic: topic, Text: "Bakhmut"),
            ["topic + dates"] = new(Topic: topic, From: from, To: to),
            ["text + dates"] = new(Text: "Bakhmut", From: from, To: to),
            ["actor + dates"] = new(Actor: busiest, From: from, To: to),
            ["question + dates"] = new(Question: question, From: from, To: to),
            ["actor + question"] = new(Actor: busiest, Question: question),
            ["topic + text + dates"] = new(Topic: topic, Text: "Bakhmut", From: from, To: to),
            ["topic + text + dates + actor"] = new(Topic: topic, Text: "Bakhmut", From: from, To: to, Actor: busiest),
            ["topic + text + dates + question"] = new(Topic: topic, Text: "Bakhmut", From: from, To: to, Question: question),
            ["topic + dates + question"] = new(Topic: topic, From: from, To: to, Question: question),
            ["several topics"] = new(Topics: new([topic, other])),
            ["several topics + text"] = new(Topics: new([topic, other]), Text: "Bakhmut"),
            ["several topics + dates + actor"] = new(Topics: new([topic, other]), From: from, To: to, Actor: busiest),
            ["several topics + question"] = new(Topics: new([topic, other]), Question: question),
            ["kind"] = new(Kind: StatementKind.Action),
            ["grade"] = new(Credibility: Credibility.Improbable),
            ["kind + grade + dates"] = new(Kind: StatementKind.Action, Credibility: Credibility.Improbable, From: from, To: to),
            ["kind + text"] = new(Kind: StatementKind.Action, Text: "Bakhmut"),
            ["grade + actor"] = new(Credibility: Credibility.Improbable, Actor: busiest),
            ["kind + topic + question"] = new(Kind: StatementKind.Action, Topic: topic, Question: question),
        };
        foreach (var (name, filter) in filters) yield return ($"filter: {name}", () => statements.SearchAsync(filter, Ct));
        foreach (var name in new[] { "actor + dates", "question + dates", "several topics + dates + actor" })
            yield return ($"topic counts for {name}", async () => await statements.TopicCountsAsync(await statements.ResolveAsync(filters[name], Ct), Ct));
    }
}
