using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Tests.Stances;

public class LatentStanceCalculatorTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    private static EvidenceItem Quote(string key, DateOnly on, double position) =>
        new EvidenceBuilder().Key(key).On(on.Year, on.Month, on.Day).Position(position)
            .Graded(SourceGrade.A, Credibility.Confirmed).Kind(StatementKind.Quote).Build();

    [Fact]
    public void One_A1_quote_on_the_day_is_the_prior_updated_once_by_hand()
    {
        var stance = LatentStanceCalculator.Compute([Quote("q", Day, 2)], Day, Day);

        // Prior N(0, 2.25), observation 2 with variance 0.1: variance 2.25 × 0.1 / 2.35, mean 2 × 2.25 / 2.35.
        Assert.Equal(2 * 2.25 / 2.35, stance.Position!.Value, 12);
        Assert.Equal(Math.Sqrt(2.25 * 0.1 / 2.35), stance.Sd!.Value, 12);
        Assert.Equal(stance.Position.Value - 1.959963984540054 * stance.Sd.Value, stance.Interval!.Low, 12);
        Assert.Equal((StanceBand.Supports, "2.0"), (stance.Band, stance.Method));
        Assert.Equal(2.25 / 2.35, stance.Evidence.Single().Weight, 12); // the Kalman gain: the prior holds the rest
    }

    [Fact]
    public void A_year_without_news_widens_the_interval_by_the_drift_and_keeps_the_mean()
    {
        EvidenceItem[] evidence = [Quote("q", Day, 2)];
        var then = LatentStanceCalculator.Compute(evidence, Day, Day);
        var later = Day.AddDays(365);

        var now = LatentStanceCalculator.Compute(evidence, later, later);

        Assert.Equal(then.Position!.Value, now.Position!.Value, 12);
        Assert.Equal(then.Sd!.Value * then.Sd.Value + 365 * Methodology.DriftPerDay, now.Sd!.Value * now.Sd.Value, 12);
    }

    [Fact]
    public void The_interval_narrows_as_consistent_statements_are_added()
    {
        var widths = Enumerable.Range(1, 5).Select(n =>
        {
            var evidence = Enumerable.Range(0, n).Select(i => new EvidenceBuilder().Key($"s{i}").On(2024, 3, 1 + i).Position(-2).Build()).ToList();
            var interval = LatentStanceCalculator.Compute(evidence, new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 10)).Interval!;
            return interval.High - interval.Low;
        }).ToList();

        Assert.Equal(widths.OrderDescending(), widths);
        Assert.True(widths[4] < widths[0] / 2, $"five statements should at least halve one's interval: {string.Join(", ", widths)}");
    }

    [Fact]
    public void Weak_evidence_alone_leaves_an_interval_too_wide_for_a_band()
    {
        var weak = new EvidenceBuilder().Position(1).Graded(SourceGrade.E, Credibility.Doubtful).Build();

        var stance = LatentStanceCalculator.Compute([weak], new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1));

        var clipped = stance.Interval!.Clipped;
        Assert.True(clipped.High - clipped.Low > Methodology.MaxIntervalWidth);
        Assert.Equal(StanceBand.NotEnoughEvidence, stance.Band);
        Assert.Null(stance.Position);
        Assert.Contains("not-enough-evidence", stance.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void Hindsight_moves_the_line_before_a_later_reversal_towards_it()
    {
        EvidenceItem[] evidence =
        [
            Quote("early-1", new DateOnly(2024, 1, 10), 2), Quote("early-2", new DateOnly(2024, 2, 10), 2),
            Quote("late-1", new DateOnly(2024, 9, 1), -2), Quote("late-2", new DateOnly(2024, 9, 20), -2),
        ];
        var march = new DateOnly(2024, 3, 1);
        var now = new DateOnly(2024, 12, 1);

        var then = LatentStanceCalculator.Compute(evidence, march, now);
        var hindsight = LatentStanceCalculator.Hindsight(evidence, march, now);

        Assert.True(hindsight.Position < then.Position, $"hindsight {hindsight.Position} should sit below the filtered {then.Position}");
        Assert.True(hindsight.Sd < then.Sd, "later evidence narrows what we believe of the past");
        Assert.Equal(4, hindsight.EvidenceCount);
        Assert.Equal(1, hindsight.Evidence.Sum(e => e.Weight) + PriorShare(hindsight), 9);
        Assert.StartsWith("Smoothed (hindsight", hindsight.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void Hindsight_before_the_first_statement_has_no_record()
    {
        var stance = LatentStanceCalculator.Hindsight([Quote("q", Day, 2)], Day.AddDays(-1), Day);

        Assert.Equal(StanceBand.NoRecord, stance.Band);
    }

    [Fact]
    public void A_reversal_the_interval_can_tell_from_noise_is_a_shift()
    {
        EvidenceItem[] evidence =
        [
            Quote("a", new DateOnly(2024, 1, 10), 2), Quote("b", new DateOnly(2024, 1, 20), 2),
            Quote("c", new DateOnly(2024, 6, 1), -2), Quote("d", new DateOnly(2024, 6, 2), -2), Quote("e", new DateOnly(2024, 6, 3), -2),
        ];

        var (stance, shifts) = LatentStanceCalculator.ComputeWithShifts(evidence, new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 1));

        Assert.Equal(Side.Oppose, stance.Side);
        // Through ambiguous on the first day of the reversal, to the oppose side on the second: each move clears the interval.
        Assert.Equal([(StanceBand.Supports, StanceBand.Ambiguous), (StanceBand.Ambiguous, StanceBand.LeansOppose)], shifts.Select(s => (s.From, s.To)));
        Assert.All(shifts, s => Assert.Equal(ShiftKind.HalfShift, s.Kind));
    }

    [Fact]
    public void A_band_edge_crossed_within_the_interval_is_not_a_shift()
    {
        // Four quotes at 1.4 settle the mean just under the supports edge (1.5); one at 2 nudges it over, while the
        // interval still holds the mean at which leans-support began.
        EvidenceItem[] evidence =
        [
            Quote("a", new DateOnly(2024, 1, 10), 1.4), Quote("b", new DateOnly(2024, 1, 11), 1.4),
            Quote("c", new DateOnly(2024, 1, 12), 1.4), Quote("d", new DateOnly(2024, 1, 13), 1.4), Quote("e", new DateOnly(2024, 1, 14), 2),
        ];

        var line = LatentStanceCalculator.Walk(evidence, new DateOnly(2024, 2, 1), null).ToList();
        var (_, shifts) = LatentStanceCalculator.ComputeWithShifts(evidence, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 1));

        Assert.Equal(StanceBand.Supports, line[^1].Band);
        Assert.Contains(line.Skip(1), p => p.BandChanged);
        Assert.Empty(shifts);
    }

    [Fact]
    public void After_a_retraction_the_line_stands_where_the_remaining_evidence_puts_it()
    {
        var kept = Quote("kept", new DateOnly(2024, 1, 10), 2);
        var retracted = new EvidenceBuilder().Key("taken-back").On(2024, 2, 1).Position(-2).RetractedOn(2024, 3, 1).Build();
        var march = new DateOnly(2024, 3, 1);

        var line = LatentStanceCalculator.Walk([kept, retracted], march, null).ToList();
        var withoutIt = LatentStanceCalculator.Compute([kept], march, march);

        Assert.True(line[^1].IsRetraction);
        Assert.Equal(withoutIt.Interval!.Low, line[^1].Interval!.Low, 12);
        Assert.Equal(withoutIt.Interval.High, line[^1].Interval!.High, 12);
        Assert.Equal(withoutIt.Band, LatentStanceCalculator.Compute([kept, retracted], march, march).Band);
    }

    [Fact]
    public void Coders_who_disagree_widen_the_interval()
    {
        var agreed = new EvidenceBuilder().Position(-1).Build();
        var disputed = agreed with { CoderVariance = 1 };

        var one = LatentStanceCalculator.Compute([agreed], new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1));
        var other = LatentStanceCalculator.Compute([disputed], new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1));

        Assert.True(other.Sd > one.Sd);
    }

    [Fact]
    public void Two_2_0_stances_give_an_agreement_interval_and_straddling_the_line_is_uncertain()
    {
        var sure = LatentStanceCalculator.Compute([Quote("a", Day, 2), Quote("b", Day, 2)], Day, Day);
        var against = LatentStanceCalculator.Compute([Quote("c", Day, -2), Quote("d", Day, -2)], Day, Day);
        var vague = LatentStanceCalculator.Compute([new EvidenceBuilder().On(2024, 3, 1).Position(0).Build()], Day, Day);

        var far = Agreement.Between(sure, against);
        var unclear = Agreement.Between(sure, vague);

        Assert.Equal(AgreementRelation.Disagree, far.Relation);
        Assert.True(far.Interval!.Low <= far.Score && far.Score <= far.Interval.High);
        Assert.False(far.Uncertain);
        Assert.True(unclear.Interval!.Low < 0.5 && unclear.Interval.High > 0.5);
        Assert.True(unclear.Uncertain);
    }

    [Fact]
    public void A_1_0_pair_has_no_interval()
    {
        var pair = Agreement.Between(Stances.At(2), Stances.At(-2));

        Assert.Equal(new PairAgreement(AgreementRelation.Disagree, 0), pair);
    }

    private static double PriorShare(Stance stance) => 1 - stance.Evidence.Sum(e => e.Weight);
}
