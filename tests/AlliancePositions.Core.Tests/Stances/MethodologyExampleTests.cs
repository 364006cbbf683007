using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

/// <summary>
/// The worked example in docs/methodology.md, number for number: if one of these fails, the document or the code has
/// drifted and the other must follow.
/// </summary>
public class MethodologyExampleTests
{
    [Fact]
    public void Methodology_2_0_is_the_default_and_1_0_stays_available()
    {
        Assert.Equal("2.0", Methodology.Version);
        Assert.Equal(["1.0", "2.0"], Methodology.Versions);
    }

    [Theory]
    [InlineData("macron", 0.7876, 0.5041, 0.473, StanceBand.Supports, "Feb 2024", "(2 × 0.504) / 0.504 = 2.00 → supports")]
    [InlineData("scholz", 0.7876, 0.5041, 0.473, StanceBand.Opposes, "Feb 2024", "(-2 × 0.504) / 0.504 = -2.00 → opposes")]
    [InlineData("estonia-defence-ministry", 0.9923, 0.6351, 0.473, StanceBand.Ambiguous, "Apr 2024", "(0 × 0.635) / 0.635 = 0.00 → ambiguous")]
    [InlineData("us-official", 0.9923, 0.4763, 0.381, StanceBand.LeansOppose, "Apr 2024", "(-1 × 0.476) / 0.476 = -1.00 → leans-oppose")]
    [InlineData("other-leaders", 0.7876, 0.3781, 0.381, StanceBand.Opposes, "Feb 2024", "(-2 × 0.378) / 0.378 = -2.00 → opposes")]
    public void Troop_deployment_stances_on_publication_day_match_the_worked_example(
        string actor, double recency, double weight, double confidence, StanceBand band, string since, string arithmetic)
    {
        var stance = TroopDeployment.StancesOnPublication()[actor];

        Assert.Equal(recency, stance.Evidence[0].Recency, 4);
        Assert.Equal(weight, stance.Evidence[0].Weight, 4);
        Assert.Equal(confidence, stance.Confidence, 3);
        Assert.Equal((band, since, arithmetic), (stance.Band, stance.Since.ToString(), stance.Arithmetic));
    }

    /// <summary>Methodology 2.0 on the same five items (docs/methodology.md, section 11): mean, sd, band, share of the one item.</summary>
    [Theory]
    [InlineData("macron", 1.7925, 0.5004, 0.8963, StanceBand.Supports)]
    [InlineData("scholz", -1.7925, 0.5004, 0.8963, StanceBand.Opposes)]
    [InlineData("estonia-defence-ministry", 0.0, 0.4837, 0.8963, StanceBand.Ambiguous)]
    [InlineData("us-official", -0.8663, 0.5490, 0.8663, StanceBand.NotEnoughEvidence)]
    [InlineData("other-leaders", -1.7326, 0.5637, 0.8663, StanceBand.Opposes)]
    public void Troop_deployment_2_0_stances_on_publication_day_match_the_worked_example(
        string actor, double mean, double sd, double weight, StanceBand band)
    {
        var item = TroopDeployment.StancesOnPublication()[actor].Evidence[0].Item;
        var stance = LatentStanceCalculator.Compute([item], TroopDeployment.Published, TroopDeployment.Published);

        Assert.Equal(mean, Math.Round(stance.Interval!.Low + stance.Interval.High, 8) / 2, 4);
        Assert.Equal(sd, stance.Sd!.Value, 4);
        Assert.Equal(weight, stance.Evidence[0].Weight, 4);
        Assert.Equal(band, stance.Band);
    }

    [Fact]
    public void Macron_and_Scholz_disagree_under_2_0_with_an_interval_that_stays_below_the_line()
    {
        var on = TroopDeployment.Published;
        var macron = LatentStanceCalculator.Compute([TroopDeployment.Macron], on, on);
        var scholz = LatentStanceCalculator.Compute([TroopDeployment.Scholz], on, on);

        var pair = Agreement.Between(macron, scholz);

        Assert.Equal(AgreementRelation.Disagree, pair.Relation);
        Assert.Equal(0.1037, pair.Score!.Value, 4);
        Assert.Equal((0.0, 0.4505), (Math.Round(pair.Interval!.Low, 4), Math.Round(pair.Interval.High, 4)));
        Assert.False(pair.Uncertain);
    }

    [Fact]
    public void On_the_day_of_the_Paris_conference_the_two_time_axes_disagree()
    {
        var paris = new DateOnly(2024, 2, 26);

        var thenKnown = StanceCalculator.Compute([TroopDeployment.Macron], paris, paris);
        var nowKnown = StanceCalculator.Compute([TroopDeployment.Macron], paris, TroopDeployment.Published);

        Assert.Equal(StanceBand.NoRecord, thenKnown.Band);
        Assert.Equal(StanceBand.Supports, nowKnown.Band);
        Assert.Equal(0.5813, nowKnown.Evidence[0].Weight, 4); // 0.64 × 0.5^(25/180) = 0.64 × 0.9082
    }

    [Fact]
    public void Troop_deployment_agreement_coalitions_cohesion_and_clusters_match_the_worked_example()
    {
        var stances = TroopDeployment.StancesOnPublication();
        var matrix = AgreementMatrix.ForQuestion(stances);
        PairAgreement Cell(string a, string b) => matrix.Cells.Single(c => c.ActorA == a && c.ActorB == b).Agreement;

        Assert.Equal(new PairAgreement(AgreementRelation.Disagree, 0), Cell("macron", "scholz"));
        Assert.Equal(new PairAgreement(AgreementRelation.Disagree, 0.25), Cell("macron", "us-official"));
        Assert.Equal(new PairAgreement(AgreementRelation.Agree, 0.75), Cell("scholz", "us-official"));
        Assert.Equal(new PairAgreement(AgreementRelation.Partial, 0.75), Cell("estonia-defence-ministry", "us-official"));
        Assert.Equal(new PairAgreement(AgreementRelation.Partial, 0.5), Cell("estonia-defence-ministry", "macron"));
        Assert.Equal(0.4, BlocCohesion.Measure(stances).Agreement!.Value, 9);

        var clusters = ActorClustering.Cluster(stances.ToDictionary(
            s => s.Key, s => (IReadOnlyDictionary<string, Stance>)new Dictionary<string, Stance> { ["troops"] = s.Value }));
        Assert.Equal([["estonia-defence-ministry", "us-official"], ["macron"], ["other-leaders", "scholz"]],
            clusters.Select(c => c.ToArray()));
    }

    [Fact]
    public void Reversal_illustration_matches_the_worked_example()
    {
        var early = new EvidenceBuilder().Key("early").On(2024, 1, 10).Position(2).Build();
        var late = new EvidenceBuilder().Key("late").On(2024, 6, 1).Position(-2).Build();

        var stance = StanceCalculator.Compute([early, late], new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 1));

        Assert.Equal("(2 × 0.369 + -2 × 0.64) / 1.009 = -0.54 → leans-oppose", stance.Arithmetic);
        Assert.Equal(0.722, stance.Confidence, 3); // 1 - e^-(0.64 + 0.64): confidence leaves recency out
    }
}
