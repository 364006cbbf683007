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
        var stances = await new StanceQueries(database).ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, TestContext.Current.CancellationToken);

        Assert.NotNull(stances);
        var byActor = stances.Stances.ToDictionary(s => s.Actor.Slug, s => s.Stance);
        // Macron (2.0): macron-readiness (2 and 1 by two coders: mean 1.5, coder variance 0.25) and macron-signal (+1),
        // both Feb 2024, B2 reported: base variance 0.1 / (0.8 × 0.8 × 0.6) = 0.2604 each, 0.5104 with the coders'
        // disagreement. Precisions 1/2.25 + 1/0.5104 + 1/0.2604 = 6.2431; mean (1.5 × 1.9592 + 1 × 3.84) / 6.2431 = 1.086,
        // variance 1/6.2431 + 89 days × 0.1/365.25 = 0.1846 on 30 April: leans-support.
        Assert.Equal(StanceBand.LeansSupport, byActor["emmanuel-macron"].Band);
        Assert.Equal(1.086, byActor["emmanuel-macron"].Position!.Value, 3);
        Assert.Equal(Math.Sqrt(0.1846), byActor["emmanuel-macron"].Sd!.Value, 3);
        Assert.Equal("2.0", byActor["emmanuel-macron"].Method);
        Assert.Equal(StanceBand.Opposes, byActor["olaf-scholz"].Band);
        Assert.Equal(StanceBand.Ambiguous, byActor["estonian-defence-ministry"].Band);
        Assert.Equal(["training only"], byActor["estonian-defence-ministry"].Qualifiers);
        var cell = stances.Matrix.Cells.Single(c => c.ActorA == "emmanuel-macron" && c.ActorB == "olaf-scholz");
        Assert.Equal(AgreementRelation.Disagree, cell.Agreement.Relation);
        Assert.Contains(stances.Matrix.Coalitions, c => c.Side == Side.Oppose && c.Actors.Contains("olaf-scholz"));
    }

    [Fact]
    public async Task Under_methodology_1_0_the_seed_troop_question_is_the_weighted_mean_as_cited_before()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var v1 = new StanceLens("1.0", StanceView.AsOf);
        var stances = await new StanceQueries(database).ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, v1, null, TestContext.Current.CancellationToken);

        var macron = stances!.Stances.Single(s => s.Actor.Slug == "emmanuel-macron").Stance;
        // macron-readiness (mean 1.5 of two coders) and macron-signal (+1), both Feb 2024, B2: (1.5 + 1) / 2 = 1.25.
        Assert.Equal((StanceBand.LeansSupport, 1.25, "1.0"), (macron.Band, Math.Round(macron.Position!.Value, 3), macron.Method));
        Assert.Null(macron.Interval);
    }

    [Fact]
    public async Task In_hindsight_a_stance_reads_statements_dated_after_the_day_asked_about()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var february = new DateOnly(2024, 2, 15);
        var queries = new StanceQueries(database);
        var ct = TestContext.Current.CancellationToken;

        var asOf = await queries.ForQuestionAsync("troop-deployment", february, AfterTheReport, StanceLens.Default, null, ct);
        var hindsight = await queries.ForQuestionAsync("troop-deployment", february, AfterTheReport, new StanceLens("2.0", StanceView.Hindsight), null, ct);

        // The US official spoke in April: no record in February as of then, and none in hindsight either (it had not begun);
        // Macron's February stance in hindsight also reads nothing later of his, so only its precision may differ.
        Assert.DoesNotContain(asOf!.Stances, s => s.Actor.Slug == "us-official" && s.Stance.Band != StanceBand.NoRecord);
        Assert.Equal(StanceBand.NoRecord, hindsight!.Stances.Single(s => s.Actor.Slug == "us-official").Stance.Band);
        Assert.StartsWith("Smoothed", hindsight.Stances.Single(s => s.Actor.Slug == "emmanuel-macron").Stance.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_at_26_February_the_April_report_is_not_yet_evidence()
    {
        // Macron's February calls became public only with the report of 3 April 2024: no hindsight.
        await using var database = await SeededDatabase.CreateAsync();
        var day = new DateOnly(2024, 2, 26);
        var stances = await new StanceQueries(database).ForQuestionAsync("troop-deployment", day, day, StanceLens.Default, null, TestContext.Current.CancellationToken);
        Assert.NotNull(stances);
        Assert.Empty(stances.Stances);

        var inHindsight = await new StanceQueries(database).ForQuestionAsync("troop-deployment", day, AfterTheReport, StanceLens.Default, null, TestContext.Current.CancellationToken);
        Assert.Contains(inHindsight!.Stances, s => s.Actor.Slug == "olaf-scholz" && s.Stance.Band == StanceBand.Opposes);
    }

    [Fact]
    public async Task Asked_for_actors_without_a_record_they_appear_as_no_record()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var stances = await new StanceQueries(database).ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default,
            ["olaf-scholz", "vladimir-putin"], TestContext.Current.CancellationToken);
        Assert.Equal(["olaf-scholz", "vladimir-putin"], stances!.Stances.Select(s => s.Actor.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(StanceBand.NoRecord, stances.Stances.Single(s => s.Actor.Slug == "vladimir-putin").Stance.Band);
        Assert.Equal(AgreementRelation.Unknown, Assert.Single(stances.Matrix.Cells).Agreement.Relation);
    }

    [Fact]
    public async Task Unknown_question_gives_null()
    {
        await using var database = await SeededDatabase.CreateAsync();
        Assert.Null(await new StanceQueries(database).ForQuestionAsync("no-such-question", AfterTheReport, AfterTheReport, StanceLens.Default, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_actors_history_has_a_point_per_statement_and_the_stance_per_question()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StanceQueries(database);
        var history = await queries.HistoryAsync("emmanuel-macron", AfterTheReport, AfterTheReport, StanceLens.Default, TestContext.Current.CancellationToken);
        // Both of Macron's troop statements are dated Feb 2024: one point, since they count together.
        Assert.Equal(PartialDate.Month(2024, 2), Assert.Single(history["troop-deployment"].Line).Date);
        var current = await queries.ForActorAsync("emmanuel-macron", AfterTheReport, AfterTheReport, StanceLens.Default, TestContext.Current.CancellationToken);
        Assert.Equal(["intensify-support", "nato-involvement", "tougher-stance", "troop-deployment"], current.Keys.Order(StringComparer.Ordinal));
    }
}
