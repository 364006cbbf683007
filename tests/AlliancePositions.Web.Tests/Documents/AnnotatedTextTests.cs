using AlliancePositions.Web.Documents;

namespace AlliancePositions.Web.Tests.Documents;

public class AnnotatedTextTests
{
    private static string Describe(IReadOnlyList<TextSegment> segments) =>
        string.Join(" | ", segments.Select(s => $"{s.Text}[{string.Join(',', s.Annotations)}]"));

    [Fact]
    public void Text_without_annotations_is_one_plain_segment()
    {
        var segments = AnnotatedText.Split("plain text", []);
        Assert.Equal("plain text[]", Describe(segments));
    }

    [Fact]
    public void Overlapping_annotations_split_into_three_runs_with_both_keys_in_the_middle()
    {
        //                          0123456789
        var segments = AnnotatedText.Split("abcdefghij", [new("a", 1, 5), new("b", 3, 8)]);
        Assert.Equal("a[] | bc[a] | de[a,b] | fgh[b] | ij[]", Describe(segments));
    }

    [Fact]
    public void Nested_annotation_lists_the_outer_key_first()
    {
        var segments = AnnotatedText.Split("abcdefghij", [new("inner", 3, 5), new("outer", 0, 10)]);
        Assert.Equal("abc[outer] | de[outer,inner] | fghij[outer]", Describe(segments));
    }

    [Fact]
    public void Adjacent_annotations_stay_separate_segments()
    {
        var segments = AnnotatedText.Split("abcdef", [new("a", 0, 3), new("b", 3, 6)]);
        Assert.Equal("abc[a] | def[b]", Describe(segments));
    }

    [Fact]
    public void Identical_spans_share_one_segment()
    {
        var segments = AnnotatedText.Split("abcdef", [new("b", 1, 3), new("a", 1, 3)]);
        Assert.Equal("a[] | bc[a,b] | def[]", Describe(segments));
    }

    [Fact]
    public void Offsets_are_utf16_code_units_so_an_emoji_before_a_span_counts_twice()
    {
        const string text = "😀 Scholz said no.";
        var start = text.IndexOf("Scholz", StringComparison.Ordinal);
        Assert.Equal(3, start); // the emoji is two UTF-16 code units, then the space

        var segments = AnnotatedText.Split(text, [new("s", start, start + "Scholz".Length)]);

        Assert.Equal("😀 [] | Scholz[s] |  said no.[]", Describe(segments));
    }

    [Fact]
    public void Segments_put_together_are_the_text()
    {
        const string text = "line one\nline two\n\nline 👍 three";
        var segments = AnnotatedText.Split(text, [new("a", 2, 12), new("b", 5, 25), new("c", 20, 22)]);
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Fact]
    public void Spans_outside_the_text_are_clipped_and_empty_ones_skipped()
    {
        var segments = AnnotatedText.Split("abc", [new("past", 2, 99), new("empty", 1, 1), new("backwards", 2, 1)]);
        Assert.Equal("ab[] | c[past]", Describe(segments));
    }

    [Fact]
    public void Empty_text_has_no_segments()
    {
        Assert.Empty(AnnotatedText.Split("", [new("a", 0, 3)]));
    }
}
