using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Stances;

public class ReviewQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seed_queue_holds_the_two_statements_its_coders_read_differently()
    {
        await using var database = await SeededDatabase.CreateAsync();

        var queue = await new ReviewQueries(database).QueueAsync(Ct);

        Assert.Equal(2, queue.Disputed.Count);
        Assert.All(queue.Disputed, d => Assert.Equal(["Second reader", "Seed analyst"], d.Codings.Select(c => c.Coder)));
        Assert.Contains(queue.Disputed, d => d.Codings.Select(c => c.Position).Order().SequenceEqual([1, 2]));
        Assert.Contains(queue.Disputed, d => d.Codings.Select(c => c.Position).Order().SequenceEqual([-2, -1]));
    }

    [Fact]
    public async Task Alpha_per_question_covers_every_multiply_coded_unit_agreeing_ones_too()
    {
        await using var database = await SeededDatabase.CreateAsync();

        var queue = await new ReviewQueries(database).QueueAsync(Ct);

        // Recompute from the seed's units through the calculator: the query must feed it all of them, not only disputes.
        foreach (var question in queue.Agreement)
        {
            var units = await UnitsAsync(database, question.QuestionSlug);
            Assert.Equal(KrippendorffAlpha.Compute(units, DifferenceFunction.Ordinal), question.Ordinal);
            Assert.Equal(KrippendorffAlpha.Compute(units, DifferenceFunction.Nominal), question.Nominal);
            Assert.Equal(units.Count, question.Ordinal.PairableUnits);
        }
        Assert.True(queue.Agreement.Sum(a => a.Ordinal.PairableUnits) > queue.Disputed.Count);
    }

    [Fact]
    public async Task A_new_second_reading_that_differs_joins_the_queue()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var before = await new ReviewQueries(database).QueueAsync(Ct);
        var statements = new StatementService(database, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)), NullLogger<StatementService>.Instance);
        var (statement, question, position) = await SingleCodedAsync(database);

        await statements.CodeAsync(statement, new CodingRequest(question, position == 2 ? -2 : 2), new Editor("zoe@example.org", "user-zoe"), Ct);

        var after = await new ReviewQueries(database).QueueAsync(Ct);
        Assert.Equal(before.Disputed.Count + 1, after.Disputed.Count);
        Assert.Contains(after.Disputed, d => d.StatementKey == statement && d.QuestionSlug == question);
    }

    [Fact]
    public async Task No_multiply_coded_units_means_an_empty_queue_and_no_alpha()
    {
        await using var database = await TestDatabase.CreateAsync();

        var queue = await new ReviewQueries(database).QueueAsync(Ct);

        Assert.Empty(queue.Disputed);
        Assert.Empty(queue.Agreement);
    }

    private static async Task<List<IReadOnlyCollection<int>>> UnitsAsync(TestDatabase database, string question)
    {
        await using var db = database.CreateDbContext();
        return db.Codings.Where(c => c.Question.Slug == question).Select(c => new { c.StatementId, c.Position }).AsEnumerable()
            .GroupBy(c => c.StatementId).Where(g => g.Count() > 1).Select(g => (IReadOnlyCollection<int>)g.Select(c => c.Position).ToList()).ToList();
    }

    private static async Task<(string Statement, string Question, int Position)> SingleCodedAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var single = db.Codings.Select(c => new { c.Statement.Key, c.Question.Slug, c.Position }).AsEnumerable()
            .GroupBy(c => (c.Key, c.Slug)).First(g => g.Count() == 1).Single();
        return (single.Key, single.Slug, single.Position);
    }
}
