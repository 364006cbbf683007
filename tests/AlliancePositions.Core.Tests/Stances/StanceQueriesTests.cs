using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class StanceQueriesTests
{
    private static readonly DateOnly AfterTheReport = new(2024, 4, 30);

    [Fact]
    public async Task Seed_troop_question_Macron_supports_Scholz_opposes_and_they_disagree()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var stances = await new StanceQueries(database).ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, null, TestContext.Current.CancellationToken);

        Assert.NotNull(stances);
        var byActor = stances.Stances.ToDictionary(s => s.Actor.Slug, s => s.Stance);
        // Macron: macron-readiness (2 and 1 by two coders: mean 1.5) and macron-signal (+1), both Feb 2024, B2:
        // equal weights, so (1.5 + 1) / 2 = 1.25: leans-support.
        Assert.Equal(StanceBand.LeansSupport, byActor["emmanuel-macron"].Band);
        Assert.Equal(1.25, byActor["emmanuel-macron"].Position!.Value, 3);
        Assert.Equal(StanceBand.Opposes, byActor["olaf-scholz"].Band);
        Assert.Equal(StanceBand.Ambiguous, byActor["estonian-defence-ministry"].Band);
        Assert.Equal(["training only"], byActor["estonian-defence-ministry"].Qualifiers);
        var cell = stances.Matrix.Cells.Single(c => c.ActorA == "emmanuel-macron" && c.ActorB == "olaf-scholz");
        Assert.Equal(AgreementRelation.Disagree, cell.Agreement.Relation);
        Assert.Contains(stances.Matrix.Coalitions, c => c.Side == Side.Oppose && c.Actors.Contains("olaf-scholz"));
    }

    [Fact]
    public async Task Known_at_26_February_the_April_report_is_not_yet_evidence()
    {
        // Macron's February calls became public only with the report of 3 April 2024: no hindsight.
        await using var database = await SeededDatabase.CreateAsync();
        var day = new DateOnly(2024, 2, 26);
        var stances = await new StanceQueries(database).ForQuestionAsync("troop-deployment", day, day, null, TestContext.Current.CancellationToken);
        Assert.NotNull(stances);
        Assert.Empty(stances.Stances);

        var inHindsight = await new StanceQueries(database).ForQuestionAsync("troop-deployment", day, AfterTheReport, null, TestContext.Current.CancellationToken);
        Assert.Contains(inHindsight!.Stances, s => s.Actor.Slug == "olaf-scholz" && s.Stance.Band == StanceBand.Opposes);
    }

    [Fact]
    public async Task Asked_for_actors_without_a_record_they_appear_as_no_record()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var stances = await new StanceQueries(database).ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport,
            ["olaf-scholz", "vladimir-putin"], TestContext.Current.CancellationToken);
        Assert.Equal(["olaf-scholz", "vladimir-putin"], stances!.Stances.Select(s => s.Actor.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(StanceBand.NoRecord, stances.Stances.Single(s => s.Actor.Slug == "vladimir-putin").Stance.Band);
        Assert.Equal(AgreementRelation.Unknown, Assert.Single(stances.Matrix.Cells).Agreement.Relation);
    }

    [Fact]
    public async Task Unknown_question_gives_null()
    {
        await using var database = await SeededDatabase.CreateAsync();
        Assert.Null(await new StanceQueries(database).ForQuestionAsync("no-such-question", AfterTheReport, AfterTheReport, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_actors_history_has_a_point_per_statement_and_the_stance_per_question()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StanceQueries(database);
        var history = await queries.HistoryAsync("emmanuel-macron", AfterTheReport, AfterTheReport, TestContext.Current.CancellationToken);
        // Both of Macron's troop statements are dated Feb 2024: one point, since they count together.
        Assert.Equal(PartialDate.Month(2024, 2), Assert.Single(history["troop-deployment"].Line).Date);
        var current = await queries.ForActorAsync("emmanuel-macron", AfterTheReport, AfterTheReport, TestContext.Current.CancellationToken);
        Assert.Equal(["intensify-support", "nato-involvement", "tougher-stance", "troop-deployment"], current.Keys.Order(StringComparer.Ordinal));
    }
}
