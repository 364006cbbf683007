using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using AlliancePositions.Core.Tests.Corpus.Generation;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Performance;

/// <summary>
/// The guard over every filter the statements page offers, alone and combined (each run as the page runs it: the
/// capped count and the first page).
/// </summary>
public partial class QueryPlanTests
{
    [Fact]
    public async Task Every_statement_filter_combination_never_scans_a_whole_table()
    {
        var recorder = new CommandRecorder();
        await using var database = await GeneratedDatabase.CreateAsync(20_000, actors: 200, seed: 42, recorder);
        string busiest, question, topic, other;
        await using (var db = database.CreateDbContext())
        {
            busiest = await db.Statements.GroupBy(s => s.Actor.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(Ct);
            question = await db.Questions.OrderBy(q => q.Id).Select(q => q.Slug).FirstAsync(Ct);
            topic = await db.Topics.Where(t => t.ParentId == null).OrderBy(t => t.Id).Select(t => t.Slug).FirstAsync(Ct);
            other = await db.Topics.Where(t => t.ParentId == null).OrderBy(t => t.Id).Select(t => t.Slug).Skip(1).FirstAsync(Ct);
        }
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
        };
        var statements = new StatementQueries(database, new SqliteStatementTextSearch());
        var found = new Dictionary<string, List<string>>();
        async Task Capture(string name, Func<Task> call)
        {
            recorder.Clear();
            await call();
            Assert.NotEmpty(recorder.Commands);
            found[name] = recorder.Commands.SelectMany(c => FullScans(database, c)).ToList();
        }
        foreach (var (name, filter) in filters) await Capture(name, () => statements.SearchAsync(filter, Ct));
        // The counts per topic beside a narrowing filter: one grouped query that starts from that filter's index. (With
        // no other filter they count every tag, which is what they are asked for.)
        foreach (var name in new[] { "actor + dates", "question + dates", "several topics + dates + actor" })
            await Capture($"topic counts for {name}", async () => await statements.TopicCountsAsync(await statements.ResolveAsync(filters[name], Ct), Ct));

        Assert.All(found, plan => Assert.True(plan.Value.Count == 0, $"{plan.Key} scans a whole table:\n{string.Join("\n", plan.Value)}"));
    }
}
