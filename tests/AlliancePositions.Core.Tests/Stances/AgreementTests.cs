using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class AgreementTests
{
    [Theory]
    [InlineData(2, 1, AgreementRelation.Agree, 0.75)]
    [InlineData(-2, -1.5, AgreementRelation.Agree, 0.875)]
    [InlineData(2, -2, AgreementRelation.Disagree, 0)]
    [InlineData(1, -1, AgreementRelation.Disagree, 0.5)]
    [InlineData(0, -2, AgreementRelation.Partial, 0.5)]
    [InlineData(0.2, -0.2, AgreementRelation.Partial, 0.9)]
    public void Relation_follows_the_sides_and_score_is_one_minus_a_quarter_of_the_distance(
        double a, double b, AgreementRelation relation, double score)
    {
        var agreement = Agreement.Between(Stances.At(a), Stances.At(b));

        Assert.Equal(relation, agreement.Relation);
        Assert.Equal(score, agreement.Score!.Value, 9);
    }

    [Fact]
    public void Agreement_is_unknown_without_a_position_on_either_side()
    {
        Assert.Equal(PairAgreement.Unknown, Agreement.Between(Stance.NoRecord, Stances.At(2)));
        Assert.Equal(PairAgreement.Unknown, Agreement.Between(Stances.At(2), Stances.NotEnough()));
        Assert.Equal(["agree", "disagree", "partial", "unknown"], WireNames.All<AgreementRelation>());
    }

    [Fact]
    public void Overall_agreement_averages_only_the_questions_both_have_a_position_on()
    {
        var a = new Dictionary<string, Stance> { ["troops"] = Stances.At(2), ["aid"] = Stances.At(1), ["jets"] = Stances.At(2) };
        var b = new Dictionary<string, Stance> { ["troops"] = Stances.At(-2), ["aid"] = Stances.At(1), ["jets"] = Stance.NoRecord };

        // troops 0, aid 1; jets unknown and "sanctions" missing: mean 0.5 over 2 shared questions.
        Assert.Equal(new OverallAgreement(0.5, 2), Agreement.Overall(a, b));
        Assert.Equal(new OverallAgreement(null, 0), Agreement.Overall(a, new Dictionary<string, Stance>()));
    }

    [Fact]
    public void Matrix_has_one_cell_per_unordered_pair_in_key_order_and_coalitions_by_side()
    {
        var matrix = AgreementMatrix.ForQuestion(TroopDeployment.StancesOnPublication());

        Assert.Equal(10, matrix.Cells.Count);
        Assert.Equal(("estonia-defence-ministry", "macron"), (matrix.Cells[0].ActorA, matrix.Cells[0].ActorB));
        var macronScholz = matrix.Cells.Single(c => c.ActorA == "macron" && c.ActorB == "scholz");
        Assert.Equal(AgreementRelation.Disagree, macronScholz.Agreement.Relation);
        Assert.Equal(
            [new(Side.Support, ["macron"]), new(Side.Oppose, ["other-leaders", "scholz", "us-official"]),
             new Coalition(Side.Ambiguous, ["estonia-defence-ministry"])],
            matrix.Coalitions, CoalitionEquality.Instance);
    }

    [Fact]
    public void Actors_cluster_while_their_average_distance_is_a_quarter_or_less()
    {
        var stances = new Dictionary<string, IReadOnlyDictionary<string, Stance>>
        {
            ["a"] = new Dictionary<string, Stance> { ["q1"] = Stances.At(2), ["q2"] = Stances.At(2) },
            ["b"] = new Dictionary<string, Stance> { ["q1"] = Stances.At(2), ["q2"] = Stances.At(1) },
            ["c"] = new Dictionary<string, Stance> { ["q1"] = Stances.At(-2), ["q2"] = Stances.At(-2) },
            ["d"] = new Dictionary<string, Stance> { ["q1"] = Stances.At(-1), ["q2"] = Stances.At(-2) },
            ["e"] = new Dictionary<string, Stance> { ["q3"] = Stances.At(2) },
        };

        // a-b: distance (0 + 0.25) / 2 = 0.125, c-d the same; {a,b}-{c,d} about 0.9; e shares no question with anyone.
        var clusters = ActorClustering.Cluster(stances);

        Assert.Equal([["a", "b"], ["c", "d"], ["e"]], clusters.Select(c => c.ToArray()));
    }

    private sealed class CoalitionEquality : IEqualityComparer<Coalition>
    {
        public static readonly CoalitionEquality Instance = new();
        public bool Equals(Coalition? x, Coalition? y) => x!.Side == y!.Side && x.Actors.SequenceEqual(y.Actors);
        public int GetHashCode(Coalition obj) => obj.Side.GetHashCode();
    }
}
