using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class BlocCohesionTests
{
    [Theory]
    [InlineData(6, 1, 1, 0.625)] // DOMAIN.md §3 example 1: (6 - ½·2) / 8
    [InlineData(2, 2, 1, 0.1)] // example 2: coded +2, +1, 0, -1, -2: (2 - ½·3) / 5
    [InlineData(2, 2, 0, 0.25)] // a clean two-way split is not 0
    [InlineData(3, 3, 3, 0)] // only an even three-way split is 0
    [InlineData(3, 1, 0, 0.625)]
    [InlineData(0, 4, 0, 1)]
    public void Hix_Noury_Roland_index_matches_the_worked_examples(int support, int oppose, int ambiguous, double expected) =>
        Assert.Equal(expected, BlocCohesion.AgreementIndex(support, oppose, ambiguous)!.Value, 9);

    [Fact]
    public void Members_without_a_position_are_listed_not_counted()
    {
        var members = new Dictionary<string, Stance>
        {
            ["fr"] = Stances.At(2), ["de"] = Stances.At(1), ["ee"] = Stances.At(0), ["us"] = Stances.At(-1),
            ["pl"] = Stances.At(-2), ["se"] = Stance.NoRecord, ["fi"] = Stances.NotEnough(),
        };

        var cohesion = BlocCohesion.Measure(members);

        // Example 2 again: S=2, O=2, M=1 → 0.1; Sweden and Finland have no position and are named.
        Assert.Equal(0.1, cohesion.Agreement!.Value, 9);
        Assert.Equal((2, 2, 1), (cohesion.Support, cohesion.Oppose, cohesion.Ambiguous));
        Assert.Equal(["fi", "se"], cohesion.Missing);
    }

    [Fact]
    public void Cohesion_is_undefined_when_no_member_has_a_position()
    {
        var cohesion = BlocCohesion.Measure(new Dictionary<string, Stance> { ["se"] = Stance.NoRecord });

        Assert.Null(cohesion.Agreement);
        Assert.Equal(["se"], cohesion.Missing);
    }

    [Fact]
    public void Members_whose_2_0_interval_reaches_another_side_are_counted_as_unsure()
    {
        var day = new DateOnly(2024, 3, 1);
        var firm = LatentStanceCalculator.Compute(
            [new EvidenceBuilder().Key("a").Position(-2).Graded(Core.Sources.SourceGrade.A, Core.Sources.Credibility.Confirmed).Kind(Core.Statements.StatementKind.Quote).Build()], day, day);
        var loose = LatentStanceCalculator.Compute([new EvidenceBuilder().Key("b").Position(1).Build()], day, day);

        var cohesion = BlocCohesion.Measure(new Dictionary<string, Stance> { ["firm"] = firm, ["loose"] = loose, ["v1"] = Stances.At(2) });

        // The firm A1 quote at -2 stays on the oppose side; the single B2 report at +1 could be ambiguous; 1.0 has no interval.
        Assert.Equal((1, 1, 0), (cohesion.Support - 1, cohesion.Oppose, cohesion.Ambiguous));
        Assert.Equal(1, cohesion.Unsure);
    }
}
