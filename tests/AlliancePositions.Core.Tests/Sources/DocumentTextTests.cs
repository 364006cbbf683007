using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Tests.Sources;

public class DocumentTextTests
{
    private const string Sentence = "Scholz explained to him that the leaders of other countries would be forced to reject his position, advising him not to take the step.";

    [Fact]
    public void Domain_worked_example_selects_the_quote_with_a_32_character_prefix()
    {
        // DOMAIN.md §4: start 100, end 133 (end exclusive); prefix exactly 32 characters; suffix "." at the text's end.
        Assert.Null(DocumentText.CheckSpan(Sentence, 100, 133, "advising him not to take the step"));
        Assert.Equal(" forced to reject his position, ", DocumentText.PrefixAt(Sentence, 100));
        Assert.Equal(".", DocumentText.SuffixAt(Sentence, 133));
    }

    [Fact]
    public void Seed_article_holds_the_same_quote_at_544()
    {
        var text = DocumentText.Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", "texts", "000_fe0bddd215f79065.txt")));
        Assert.Null(DocumentText.CheckSpan(text, 544, 577, "advising him not to take the step"));
        Assert.Equal(". According to the chancellor, t", DocumentText.SuffixAt(text, 577));
    }

    [Fact]
    public void Normalize_drops_a_bom_and_unifies_line_endings_and_nothing_else()
    {
        Assert.Equal("a\nb\nc ", DocumentText.Normalize("\uFEFFa\r\nb\rc "));
        Assert.Equal("e\u0301", DocumentText.Normalize("e\u0301")); // no Unicode normalisation
    }

    [Fact]
    public void Sha256_is_over_utf8_bytes() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DocumentText.Sha256("abc"));

    [Fact]
    public void Context_windows_never_split_a_character_written_as_two_code_units()
    {
        // 31 letters then an emoji (two UTF-16 code units): a 32-unit window from either side would cut it in half.
        var letters = new string('a', 31);
        var text = "😀" + letters + "QUOTE" + letters + "😀";
        var start = 2 + 31;
        var end = start + 5;

        Assert.Equal(letters, DocumentText.PrefixAt(text, start));
        Assert.Equal(letters, DocumentText.SuffixAt(text, end));
        Assert.Equal("😀" + letters[1..], DocumentText.PrefixAt("x😀" + letters[1..] + "QUOTE", 1 + 2 + 30));
    }

    [Fact]
    public void A_span_that_cuts_a_character_in_half_is_refused()
    {
        const string text = "say 😀 now";
        Assert.NotNull(DocumentText.CheckSpan(text, 5, 9, text[5..9]));
        Assert.NotNull(DocumentText.CheckSpan(text, 0, 5, text[..5]));
        Assert.Null(DocumentText.CheckSpan(text, 4, 6, "😀"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AlliancePositions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found.");
    }
}
