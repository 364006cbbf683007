namespace AlliancePositions.Web.Documents;

/// <summary>An annotation's span of the text: <c>[Start, End)</c> in UTF-16 code units, exactly C#'s string indices.</summary>
public sealed record AnnotationSpan(string Key, int Start, int End);

/// <summary>
/// A run of text between two annotation boundaries, with the keys of every annotation covering all of it (outermost
/// first); none for plain text.
/// </summary>
public sealed record TextSegment(int Start, int End, string Text, IReadOnlyList<string> Annotations)
{
    public bool IsAnnotated => Annotations.Count > 0;
}

/// <summary>
/// Splits a document's text at every annotation boundary, so overlapping and nested annotations can all be drawn:
/// each segment is covered by the same set of annotations throughout, and the segments put together are the text.
/// </summary>
public static class AnnotatedText
{
    public static IReadOnlyList<TextSegment> Split(string text, IEnumerable<AnnotationSpan> annotations)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A span outside the text or empty cannot be drawn; it is clipped or skipped rather than breaking the reader.
        var spans = annotations
            .Select(a => a with { Start = Math.Clamp(a.Start, 0, text.Length), End = Math.Clamp(a.End, 0, text.Length) })
            .Where(a => a.Start < a.End)
            .OrderBy(a => a.Start).ThenByDescending(a => a.End).ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
        var boundaries = spans.SelectMany(a => new[] { a.Start, a.End }).Append(0).Append(text.Length)
            .Distinct().Order().ToList();

        var segments = new List<TextSegment>(boundaries.Count);
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            var (start, end) = (boundaries[i], boundaries[i + 1]);
            var covering = spans.Where(a => a.Start <= start && end <= a.End).Select(a => a.Key).Distinct().ToList();
            segments.Add(new TextSegment(start, end, text[start..end], covering));
        }
        return segments;
    }
}
