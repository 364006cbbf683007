using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class ShiftFinderTests
{
    private static readonly DateOnly KnownNow = new(2025, 1, 1);

    private static IReadOnlyList<Shift> Shifts(params EvidenceItem[] evidence) =>
        ShiftFinder.Find(evidence, KnownNow, [], "macron");

    [Fact]
    public void Support_turning_to_leaning_opposition_is_a_reversal_caused_by_the_new_statement()
    {
        var early = new EvidenceBuilder().Key("early").On(2024, 1, 10).Position(2).Build();
        var late = new EvidenceBuilder().Key("late").On(2024, 6, 1).Position(-2).Build();

        var shift = Assert.Single(Shifts(early, late));

        Assert.Equal(ShiftKind.Reversal, shift.Kind);
        Assert.Equal((StanceBand.Supports, StanceBand.LeansOppose), (shift.From, shift.To));
        Assert.Equal(("late", PartialDate.Day(2024, 6, 1)), (shift.StatementKey, shift.Date));
    }

    [Fact]
    public void Leaning_support_turning_ambiguous_is_a_half_shift()
    {
        // 182 days on, the +1 weighs 0.5^(182/180) = 0.496 of the new 0: 0.496 / 1.496 = 0.33, ambiguous.
        var early = new EvidenceBuilder().Key("early").On(2024, 1, 1).Position(1).Build();
        var late = new EvidenceBuilder().Key("late").On(2024, 7, 1).Position(0).Build();

        var shift = Assert.Single(Shifts(early, late));

        Assert.Equal(ShiftKind.HalfShift, shift.Kind);
        Assert.Equal((StanceBand.LeansSupport, StanceBand.Ambiguous), (shift.From, shift.To));
    }

    [Fact]
    public void A_retraction_that_moves_the_band_is_a_shift_named_after_the_retracted_statement()
    {
        var kept = new EvidenceBuilder().Key("kept").On(2024, 1, 1).Position(-1).Build();
        var retracted = new EvidenceBuilder().Key("retracted").On(2024, 2, 1).Position(2).RetractedOn(2024, 3, 1).Build();

        var shifts = Shifts(kept, retracted);

        Assert.Equal(2, shifts.Count);
        Assert.Equal(ShiftKind.Reversal, shifts[1].Kind);
        Assert.True(shifts[1].ByRetraction);
        Assert.Equal(("retracted", PartialDate.Day(2024, 3, 1)), (shifts[1].StatementKey, shifts[1].Date));
    }

    [Fact]
    public void Statements_of_the_same_day_count_together_so_there_is_no_shift_between_them()
    {
        var a = new EvidenceBuilder().Key("a").On(2024, 2, 1).Position(2).Build();
        var b = new EvidenceBuilder().Key("b").On(2024, 2, 1).Position(-2).Build();
        var c = new EvidenceBuilder().Key("c").On(2024, 3, 1).Position(2).Build();

        // 1 Feb: +2 and -2 together make the first record, ambiguous (no shift). 1 Mar: the February items weigh
        // 0.64 × 0.5^(29/180) = 0.572 each, so (2 × 0.572 - 2 × 0.572 + 2 × 0.64) / 1.784 = 0.72: a half shift by "c".
        var shift = Assert.Single(Shifts(b, a, c));

        Assert.Equal("c", shift.StatementKey);
        Assert.Equal(ShiftKind.HalfShift, shift.Kind);
        Assert.Equal(StanceBand.Ambiguous, shift.From);
    }

    [Fact]
    public void The_first_record_and_moves_through_not_enough_evidence_are_not_shifts()
    {
        var weak = new EvidenceBuilder().Key("a").On(2024, 1, 1).Position(-2).Rated(Credibility.Improbable).Build();
        var strong = new EvidenceBuilder().Key("b").On(2024, 2, 1).Position(2).Build();

        Assert.Empty(Shifts(weak, strong));
    }

    [Theory]
    [InlineData(StanceBand.LeansSupport, StanceBand.Supports, ShiftKind.Strengthening)]
    [InlineData(StanceBand.Opposes, StanceBand.LeansOppose, ShiftKind.Softening)]
    [InlineData(StanceBand.LeansOppose, StanceBand.Opposes, ShiftKind.Strengthening)]
    [InlineData(StanceBand.Ambiguous, StanceBand.Opposes, ShiftKind.HalfShift)]
    [InlineData(StanceBand.LeansSupport, StanceBand.LeansOppose, ShiftKind.Reversal)]
    [InlineData(StanceBand.NotEnoughEvidence, StanceBand.Supports, null)]
    [InlineData(StanceBand.Supports, StanceBand.NoRecord, null)]
    public void Band_moves_are_classed_by_side_and_pole(StanceBand from, StanceBand to, ShiftKind? kind) =>
        Assert.Equal(kind, ShiftFinder.Classify(from, to));

    [Fact]
    public void A_shift_lists_the_meetings_the_actor_attended_in_the_30_days_before()
    {
        var early = new EvidenceBuilder().Key("early").On(2024, 1, 10).Position(2).Build();
        var late = new EvidenceBuilder().Key("late").On(2024, 6, 1).Position(-2).Build();
        MeetingAttendance[] meetings =
        [
            new("too-early", "Too early", PartialDate.Day(2024, 5, 1), ["macron"]),
            new("window-start", "Window start", PartialDate.Day(2024, 5, 2), ["macron", "scholz"]),
            new("same-day", "Same day", PartialDate.Day(2024, 6, 1), ["macron"]),
            new("without", "Without him", PartialDate.Day(2024, 5, 20), ["scholz"]),
            new("after", "After", PartialDate.Day(2024, 6, 2), ["macron"]),
        ];

        var shift = Assert.Single(ShiftFinder.Find([early, late], KnownNow, meetings, "macron"));

        Assert.Equal(["window-start", "same-day"], shift.MeetingsBefore.Select(m => m.Key));
        Assert.Equal(["reversal", "half-shift", "strengthening", "softening"], WireNames.All<ShiftKind>());
    }
}
