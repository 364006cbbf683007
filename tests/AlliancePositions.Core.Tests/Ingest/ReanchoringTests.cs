using AlliancePositions.Core.Ingest;
using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Tests.Ingest;

public class ReanchoringTests
{
    private static Relocation? Move(string oldText, string quote, string newText, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++) start = oldText.IndexOf(quote, start + 1, StringComparison.Ordinal);
        var end = start + quote.Length;
        return Reanchoring.Locate(newText, start, end, quote, DocumentText.PrefixAt(oldText, start), DocumentText.SuffixAt(oldText, end));
    }

    [Fact]
    public void A_quote_still_at_its_offsets_stays_there()
    {
        var place = Move("Scholz ruled out troops. Later more.", "ruled out troops", "Scholz ruled out troops. Later, much more.");

        Assert.Equal(new Relocation(AnnotationAnchor.SamePosition, 7, 23, 1), place);
    }

    [Fact]
    public void A_quote_that_moved_is_found_with_its_context()
    {
        const string old = "Intro. Scholz ruled out troops. End.";
        var place = Move(old, "ruled out troops", "A new first paragraph. Intro. Scholz ruled out troops. End.");

        Assert.Equal(AnnotationAnchor.Context, place!.How);
        Assert.Equal("A new first paragraph. Intro. Scholz ".Length, place.Start);
    }

    [Fact]
    public void Of_two_occurrences_the_one_with_the_same_context_is_chosen()
    {
        const string old = "Macron: no option is ruled out. Scholz: troops are ruled out. Tusk: nothing is ruled out.";
        var moved = "Update. " + old;
        var place = Move(old, "ruled out", moved, occurrence: 1);

        Assert.Equal(moved.IndexOf("troops are ruled out", StringComparison.Ordinal) + "troops are ".Length, place!.Start);
    }

    [Fact]
    public void A_quote_whose_context_changed_is_found_exactly_by_the_fuzzy_search()
    {
        const string quote = "The minister ruled out sending troops to Ukraine.";
        var place = Move($"Title\n\n{quote}\n\nShe added more.", quote, $"Title\n\nUpdated on Tuesday.\n\n{quote}\n\nTalks continue.");

        Assert.Equal(AnnotationAnchor.Fuzzy, place!.How);
        Assert.Equal(1, place.Score);
        Assert.Equal("Title\n\nUpdated on Tuesday.\n\n".Length, place.Start);
    }

    [Fact]
    public void A_quote_with_one_word_changed_moves_by_fuzzy_match_above_the_minimum()
    {
        const string quote = "The alliance will deliver five more air defence systems before the winter begins.";
        const string edited = "The alliance will deliver six more air defence systems before the winter begins.";
        var place = Move($"Intro.\n\n{quote}\n\nEnd.", quote, $"Intro, updated.\n\n{edited}\n\nEnd.");

        Assert.Equal(AnnotationAnchor.Fuzzy, place!.How);
        Assert.InRange(place.Score, Reanchoring.MinimumScore, 0.99);
        Assert.Equal("Intro, updated.\n\n".Length, place.Start);
        Assert.Equal("Intro, updated.\n\n".Length + edited.Length, place.End);
    }

    [Fact]
    public void A_rewritten_sentence_below_the_minimum_score_is_not_placed()
    {
        const string quote = "The alliance will deliver five more air defence systems before the winter begins.";
        var place = Move($"Intro.\n\n{quote}\n\nEnd.", quote, "Intro.\n\nAllies could not agree on what the alliance will deliver, if anything.\n\nEnd.");

        Assert.Null(place);
    }

    [Fact]
    public void A_removed_sentence_is_not_placed()
    {
        const string quote = "She added that the question could be revisited next year.";
        var place = Move($"Intro.\n\n{quote}\n\nTalks continue.", quote, "Intro.\n\nUpdated: the minister spoke again on Tuesday.\n\nTalks continue.");

        Assert.Null(place);
    }
}
