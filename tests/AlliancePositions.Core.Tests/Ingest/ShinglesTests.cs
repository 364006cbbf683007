using AlliancePositions.Core.Ingest;

namespace AlliancePositions.Core.Tests.Ingest;

public class ShinglesTests
{
    private const string Wire = "Defence ministers of the alliance agreed on Thursday to send further air defence systems to Ukraine before the winter, "
        + "the secretary general told reporters after the meeting in Brussels, adding that several members had offered launchers and missiles "
        + "and that the first deliveries were expected within weeks, while others would fund purchases from industry.";

    [Fact]
    public void The_same_wire_story_with_another_headline_and_a_line_added_scores_above_the_threshold()
    {
        var a = Shingles.Signature("Allies agree air defence for Ukraine\n\n" + Wire)!;
        var b = Shingles.Signature("NATO to send more air defence\n\n" + Wire + " Officials did not name the members.")!;

        Assert.True(Shingles.Similarity(a, b) >= Shingles.Threshold, $"Similarity {Shingles.Similarity(a, b)}");
    }

    [Fact]
    public void Two_different_stories_on_the_same_subject_score_below_the_threshold()
    {
        var a = Shingles.Signature(Wire)!;
        var b = Shingles.Signature("Ukraine asked its partners on Thursday for more air defence systems after a night of attacks on power plants, "
            + "the president said in his evening address, thanking the countries that had already delivered launchers and calling on the others "
            + "to decide before the winter, when the attacks on the grid were expected to grow.")!;

        Assert.True(Shingles.Similarity(a, b) < Shingles.Threshold, $"Similarity {Shingles.Similarity(a, b)}");
    }

    [Fact]
    public void A_short_text_has_no_signature() => Assert.Null(Shingles.Signature("Too short to compare."));

    [Fact]
    public void A_signature_survives_encoding()
    {
        var signature = Shingles.Signature(Wire)!;

        Assert.Equal(signature, Shingles.Decode(Shingles.Encode(signature)));
    }
}
