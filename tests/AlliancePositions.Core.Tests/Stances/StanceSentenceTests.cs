using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class StanceSentenceTests
{
    // A question made up for the test: the wording must come from the record, whatever it says.
    private static readonly QuestionSummary Question =
        new("lighthouses", "Should lighthouses be painted red?", "coast", "Coast", "Keeps them white", "Paints them red at once");

    private static Stance Now(StanceBand band, int statements, PartialDate? since = null) => Stance.NoRecord with
    {
        Band = band, Position = band.HasPosition() ? Position(band) : null, EvidenceCount = statements, Since = since,
    };

    private static double Position(StanceBand band) => band switch
    {
        StanceBand.Supports => 2, StanceBand.LeansSupport => 1, StanceBand.LeansOppose => -1, StanceBand.Opposes => -2, _ => 0,
    };

    private static StancePoint Point(PartialDate date, StanceBand band, string key = "s") => new(date, band.HasPosition() ? Position(band) : null, band, key);

    private static StanceSentence Describe(Stance stance, params StancePoint[] line) => StanceSentences.Describe("Ada Lovelace", Question, stance, line);

    [Fact]
    public void An_actor_who_said_nothing_has_said_nothing_on_this()
    {
        var sentence = Describe(Stance.NoRecord);

        Assert.Equal((StanceHistoryPattern.Silent, "Ada Lovelace has said nothing on this."), (sentence.Pattern, sentence.Text));
    }

    [Fact]
    public void Everything_retracted_is_told_apart_from_silence()
    {
        var sentence = Describe(Stance.NoRecord, Point(PartialDate.Day(2024, 1, 5), StanceBand.Opposes), Point(PartialDate.Day(2024, 3, 1), StanceBand.NoRecord));

        Assert.Equal((StanceHistoryPattern.Silent, "Nothing Ada Lovelace said on this still counts: it was retracted."), (sentence.Pattern, sentence.Text));
    }

    [Fact]
    public void One_statement_is_called_a_single_statement_with_its_month_when_only_the_month_is_known()
    {
        var feb = PartialDate.Month(2024, 2);

        var sentence = Describe(Now(StanceBand.Opposes, 1, feb), Point(feb, StanceBand.Opposes));

        Assert.Equal(StanceHistoryPattern.OneStatement, sentence.Pattern);
        Assert.Equal("Ada Lovelace opposes (towards “Keeps them white”), on a single statement of Feb 2024.", sentence.Text);
    }

    [Fact]
    public void One_side_throughout_is_consistent_since_the_first_placed_day_with_the_pole_from_the_question()
    {
        var sentence = Describe(Now(StanceBand.Opposes, 5),
            Point(PartialDate.Month(2024, 1), StanceBand.NotEnoughEvidence),
            Point(PartialDate.Month(2024, 2), StanceBand.LeansOppose),
            Point(PartialDate.Day(2024, 3, 4), StanceBand.Opposes),
            Point(PartialDate.Day(2024, 4, 1), StanceBand.Opposes));

        Assert.Equal(StanceHistoryPattern.Consistent, sentence.Pattern);
        Assert.Equal("Ada Lovelace has consistently opposed (towards “Keeps them white”) since Feb 2024, on 5 statements.", sentence.Text);
    }

    [Fact]
    public void One_change_of_side_is_a_move_dated_to_the_day_that_made_it()
    {
        var sentence = Describe(Now(StanceBand.LeansSupport, 3),
            Point(PartialDate.Month(2024, 2), StanceBand.Opposes),
            Point(PartialDate.Day(2024, 3, 12), StanceBand.LeansSupport),
            Point(PartialDate.Day(2024, 4, 2), StanceBand.LeansSupport));

        Assert.Equal(StanceHistoryPattern.Shifted, sentence.Pattern);
        Assert.Equal("Ada Lovelace moved from opposing to supporting (leaning towards “Paints them red at once”) on 12 Mar 2024; 3 statements count.", sentence.Text);
    }

    [Fact]
    public void A_move_known_only_to_the_month_is_in_that_month_not_on_its_first_day()
    {
        var sentence = Describe(Now(StanceBand.Ambiguous, 2),
            Point(PartialDate.Day(2024, 1, 20), StanceBand.Supports),
            Point(PartialDate.Month(2024, 3), StanceBand.Ambiguous));

        Assert.Equal("Ada Lovelace moved from supporting to an ambiguous position in Mar 2024; 2 statements count.", sentence.Text);
    }

    [Fact]
    public void Back_and_forth_is_mixed_with_the_number_of_changes_and_the_latest_side()
    {
        var sentence = Describe(Now(StanceBand.Supports, 7),
            Point(PartialDate.Day(2024, 1, 2), StanceBand.Supports),
            Point(PartialDate.Day(2024, 2, 2), StanceBand.Opposes),
            Point(PartialDate.Day(2024, 3, 2), StanceBand.NotEnoughEvidence),
            Point(PartialDate.Year(2025), StanceBand.Supports));

        Assert.Equal(StanceHistoryPattern.Mixed, sentence.Pattern);
        Assert.Equal("Ada Lovelace has changed position 2 times and has supported (towards “Paints them red at once”) since 2025; 7 statements count.", sentence.Text);
    }

    [Fact]
    public void Too_little_evidence_says_so_and_names_the_last_placed_stance()
    {
        var sentence = Describe(Now(StanceBand.NotEnoughEvidence, 2), Point(PartialDate.Month(2024, 2), StanceBand.Opposes));

        Assert.Equal(StanceHistoryPattern.NotEnoughEvidence, sentence.Pattern);
        Assert.Equal("Ada Lovelace has said too little on this, too weakly sourced or too long ago, to place a stance (2 statements count); "
            + "the last placed stance was opposing, from Feb 2024.", sentence.Text);
    }

    [Fact]
    public void A_present_side_the_line_never_reached_counts_as_a_change_from_its_since_date()
    {
        var sentence = Describe(Now(StanceBand.Ambiguous, 4, since: PartialDate.Day(2024, 5, 1)),
            Point(PartialDate.Day(2024, 1, 2), StanceBand.LeansOppose));

        Assert.Equal((StanceHistoryPattern.Shifted, "Ada Lovelace moved from opposing to an ambiguous position on 1 May 2024; 4 statements count."),
            (sentence.Pattern, sentence.Text));
    }

    [Fact]
    public void Every_question_gets_a_sentence_in_the_order_given()
    {
        var other = Question with { Slug = "beacons", Title = "Beacons?" };
        var sentences = StanceSentences.ForActor("Ada Lovelace", [other, Question],
            new Dictionary<string, Stance> { ["lighthouses"] = Now(StanceBand.Opposes, 1) },
            new Dictionary<string, (IReadOnlyList<StancePoint>, IReadOnlyList<Shift>)> { ["lighthouses"] = ([Point(PartialDate.Year(2023), StanceBand.Opposes)], []) });

        Assert.Equal([("beacons", StanceHistoryPattern.Silent), ("lighthouses", StanceHistoryPattern.OneStatement)], sentences.Select(s => (s.Question, s.Pattern)));
    }
}
