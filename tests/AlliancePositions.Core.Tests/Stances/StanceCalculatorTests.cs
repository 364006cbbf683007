using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Tests.Stances;

public class StanceCalculatorTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);

    private static Stance At(DateOnly asOf, params EvidenceItem[] evidence) => StanceCalculator.Compute(evidence, asOf, asOf);

    [Fact]
    public void Macron_supports_and_Scholz_opposes_sending_troops_so_they_disagree()
    {
        var macron = TroopDeployment.Of(TroopDeployment.Macron);
        var scholz = TroopDeployment.Of(TroopDeployment.Scholz);

        Assert.Equal(StanceBand.Supports, macron.Band);
        Assert.Equal(StanceBand.Opposes, scholz.Band);
        Assert.Equal(new PairAgreement(AgreementRelation.Disagree, 0), Agreement.Between(macron, scholz));
    }

    [Fact]
    public void Estonia_is_ambiguous_with_its_training_only_qualifier()
    {
        var estonia = TroopDeployment.Of(TroopDeployment.Estonia);

        Assert.Equal(StanceBand.Ambiguous, estonia.Band);
        Assert.Equal(["training only"], estonia.Qualifiers);
    }

    [Fact]
    public void A_statement_counts_from_its_date_on_not_before()
    {
        // Estonia's statement is dated April 2024, i.e. from 2024-04-01; known since 2024-04-03 in both cases.
        EvidenceItem[] evidence = [TroopDeployment.Estonia];
        var known = TroopDeployment.Published;

        Assert.Equal(StanceBand.NoRecord, StanceCalculator.Compute(evidence, new DateOnly(2024, 3, 31), known).Band);
        Assert.Equal(StanceBand.Ambiguous, StanceCalculator.Compute(evidence, new DateOnly(2024, 4, 1), known).Band);
    }

    [Fact]
    public void Before_the_report_was_published_Macron_has_no_record_even_in_hindsight_of_event_time()
    {
        var paris = new DateOnly(2024, 2, 26);
        EvidenceItem[] evidence = [TroopDeployment.Macron];

        // What one could know on the day of the Paris conference: the WSJ report came out on 3 April.
        Assert.Equal(StanceBand.NoRecord, StanceCalculator.Compute(evidence, paris, knownAt: paris).Band);
        // What we know now about that day: the February calls already counted.
        Assert.Equal(StanceBand.Supports, StanceCalculator.Compute(evidence, paris, TroopDeployment.Published).Band);
    }

    [Fact]
    public void Month_precision_counts_from_the_first_of_the_month_and_shows_the_month()
    {
        EvidenceItem[] evidence = [TroopDeployment.Scholz];
        var known = TroopDeployment.Published;

        Assert.Equal(StanceBand.NoRecord, StanceCalculator.Compute(evidence, new DateOnly(2024, 1, 31), known).Band);
        var stance = StanceCalculator.Compute(evidence, new DateOnly(2024, 2, 1), known);
        Assert.Equal(StanceBand.Opposes, stance.Band);
        Assert.Equal("Feb 2024", stance.Since.ToString());
    }

    [Fact]
    public void Stance_turns_towards_opposition_after_a_reversal_and_says_since_when()
    {
        var early = new EvidenceBuilder().Key("early").On(2024, 1, 10).Position(2).Build();
        var late = new EvidenceBuilder().Key("late").On(2024, 6, 1).Position(-2).Build();

        // 143 days back: recency 0.5^(143/180) = 0.5766, weight 0.64 × 0.5766 = 0.369; the new item weighs 0.64.
        // (2 × 0.369 + -2 × 0.64) / 1.009 = -0.537: the newer statement outweighs the older one.
        var stance = At(Today, early, late);

        Assert.Equal(StanceBand.LeansOppose, stance.Band);
        Assert.Equal(-0.5372, stance.Position!.Value, 4);
        Assert.Equal(PartialDate.Day(2024, 6, 1), stance.Since);
        Assert.Equal(StanceBand.Supports, At(new DateOnly(2024, 5, 31), early, late).Band);
    }

    [Fact]
    public void A_retracted_statement_stops_counting_on_the_day_of_the_retraction()
    {
        var kept = new EvidenceBuilder().Key("kept").On(2024, 1, 1).Position(-1).Build();
        var retracted = new EvidenceBuilder().Key("retracted").On(2024, 2, 1).Position(2).RetractedOn(2024, 3, 1).Build();

        // On 29 Feb, weighed back 59 and 28 days: (-1 × 0.510 + 2 × 0.574) / 1.084 = 0.59, leans support.
        Assert.Equal(StanceBand.LeansSupport, At(new DateOnly(2024, 2, 29), kept, retracted).Band);
        var after = At(new DateOnly(2024, 3, 1), kept, retracted);
        Assert.Equal(StanceBand.LeansOppose, after.Band);
        Assert.Equal(1, after.EvidenceCount);
        Assert.Equal(PartialDate.Day(2024, 3, 1), after.Since);
    }

    [Fact]
    public void A_denial_counts_as_evidence_of_its_own()
    {
        var claim = new EvidenceBuilder().Key("claim").On(2024, 6, 1).Position(2).Build();
        var denial = new EvidenceBuilder().Key("denial").On(2024, 6, 1).Position(-2).Denial().Build();

        var stance = At(Today, claim, denial);

        Assert.Equal(2, stance.EvidenceCount);
        Assert.Equal(0, stance.Position);
    }

    [Fact]
    public void Ties_on_the_same_day_are_ordered_by_statement_key_whatever_the_input_order()
    {
        var b = new EvidenceBuilder().Key("b").On(2024, 2, 1).Position(1).Build();
        var a = new EvidenceBuilder().Key("a").On(2024, 2, 1).Position(1).Build();
        var month = new EvidenceBuilder().Key("z").InMonth(2024, 2).Position(1).Build();

        var stance = At(Today, b, a, month);

        // The month-precision item sorts first on the shared first day (ISO-prefix order), then keys ordinally.
        Assert.Equal(["z", "a", "b"], stance.Evidence.Select(e => e.Item.StatementKey));
        Assert.Equal(PartialDate.Month(2024, 2), stance.Since);
    }

    [Fact]
    public void No_counting_statement_means_no_record()
    {
        var stance = At(Today);

        Assert.Equal(StanceBand.NoRecord, stance.Band);
        Assert.Null(stance.Position);
        Assert.Null(stance.Since);
        Assert.Equal(0, stance.Confidence);
    }

    [Fact]
    public void Only_improbable_items_are_not_enough_evidence()
    {
        var one = new EvidenceBuilder().Key("one").Position(2).Rated(Credibility.Improbable).Build();
        var two = new EvidenceBuilder().Key("two").Position(2).Rated(Credibility.Improbable).Build();
        var unreliable = new EvidenceBuilder().Key("three").Position(2).Graded(SourceGrade.E, Credibility.Confirmed).Build();

        var stance = At(Today, one, two, unreliable);

        Assert.Equal(StanceBand.NotEnoughEvidence, stance.Band);
        Assert.Null(stance.Position);
        Assert.Equal(3, stance.EvidenceCount);
    }

    [Fact]
    public void One_direct_quote_from_a_graded_source_is_enough_for_a_band()
    {
        var quote = new EvidenceBuilder().Kind(StatementKind.Quote).Graded(SourceGrade.B, Credibility.CannotBeJudged)
            .On(2024, 6, 1).Position(-2).Build();
        var weak = new EvidenceBuilder().Key("weak").Position(2).Rated(Credibility.Improbable).Build();

        Assert.Equal(StanceBand.Opposes, At(Today, quote).Band);
        // The weak item still counts at its low weight, 152 days old: (2 × 0.089 + -2 × 0.4) / 0.489 = -1.27.
        Assert.Equal(StanceBand.LeansOppose, At(Today, quote, weak).Band);
    }

    [Fact]
    public void The_arithmetic_spells_out_the_weighted_mean()
    {
        var support = new EvidenceBuilder().Key("a").On(2024, 6, 1).Position(2).Build();
        var oppose = new EvidenceBuilder().Key("b").On(2024, 6, 1).Position(-2).Graded(SourceGrade.B, Credibility.Doubtful).Build();

        var stance = At(Today, support, oppose);

        // B2 weighs 0.8 × 0.8 = 0.64 and B4 0.8 × 0.4 = 0.32 on the day: (1.28 - 0.64) / 0.96 = 0.67.
        Assert.Equal("(2 × 0.64 + -2 × 0.32) / 0.96 = 0.67 → leans-support", stance.Arithmetic);
        Assert.Equal(2.0 / 3, stance.Evidence[0].Share, 9);
        Assert.Equal(1 - Math.Exp(-0.96), stance.Confidence, 9);
    }

    [Theory]
    [InlineData(1.5, StanceBand.Supports)]
    [InlineData(1.49, StanceBand.LeansSupport)]
    [InlineData(0.5, StanceBand.LeansSupport)]
    [InlineData(0.49, StanceBand.Ambiguous)]
    [InlineData(-0.49, StanceBand.Ambiguous)]
    [InlineData(-0.5, StanceBand.LeansOppose)]
    [InlineData(-1.49, StanceBand.LeansOppose)]
    [InlineData(-1.5, StanceBand.Opposes)]
    public void Band_edges_belong_to_the_band_nearer_the_pole(double position, StanceBand band) =>
        Assert.Equal(band, StanceBands.FromPosition(position));

    [Fact]
    public void Unknown_grades_weigh_in_the_middle_never_below_the_bad_ones()
    {
        Assert.True(Methodology.SourceWeight(SourceGrade.F) > Methodology.SourceWeight(SourceGrade.D));
        Assert.True(Methodology.CredibilityWeight(Credibility.CannotBeJudged) > Methodology.CredibilityWeight(Credibility.Doubtful));
    }

    [Fact]
    public void Bands_have_kebab_case_wire_names_and_sides()
    {
        Assert.Equal(["supports", "leans-support", "ambiguous", "leans-oppose", "opposes", "not-enough-evidence", "no-record"],
            WireNames.All<StanceBand>());
        Assert.Equal(Side.Support, StanceBand.LeansSupport.ToSide());
        Assert.Equal(Side.Oppose, StanceBand.LeansOppose.ToSide());
        Assert.Null(StanceBand.NotEnoughEvidence.ToSide());
    }

    [Fact]
    public void A_long_record_lists_its_heaviest_items_and_writes_the_sums_instead_of_every_term()
    {
        // 25 statements, one a month through 2023, alternating +2 and -1; the latest weigh most (recency), so the ten
        // listed are the ten latest, in date order. The position still comes from all 25.
        var evidence = Enumerable.Range(0, 25)
            .Select(i => new EvidenceBuilder().Key($"s{i:00}").On(2022 + (i / 12), (i % 12) + 1, 1).Position(i % 2 == 0 ? 2 : -1).Build())
            .ToList();
        var asOf = new DateOnly(2024, 1, 31);

        var stance = StanceCalculator.Compute(evidence, asOf, asOf);

        Assert.Equal(25, stance.EvidenceCount);
        Assert.Equal(StanceCalculator.EvidenceShown, stance.Evidence.Count);
        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"s{i:00}"), stance.Evidence.Select(e => e.Item.StatementKey));
        var weights = evidence.Select(e => Methodology.SourceWeight(e.Source) * Methodology.CredibilityWeight(e.Credibility) * Methodology.Recency(e.Date.Value, asOf)).ToList();
        var expected = evidence.Select((e, i) => e.Position * weights[i]).Sum() / weights.Sum();
        Assert.Equal(expected, stance.Position!.Value, 12);
        Assert.Equal(weights[24] / weights.Sum(), stance.Evidence[^1].Share, 12);
        Assert.True(stance.Evidence.Sum(e => e.Share) < 1);
        Assert.StartsWith("Σ position × weight / Σ weight over 25 statements = ", stance.Arithmetic, StringComparison.Ordinal);
        Assert.EndsWith("(the 10 heaviest are listed)", stance.Arithmetic, StringComparison.Ordinal);
    }
}
