namespace AlliancePositions.Core.Statements;

/// <summary>
/// One annotation evidencing a statement, with the sentence it sits in: <see cref="Before"/> + <see cref="Exact"/> +
/// <see cref="After"/> is that sentence (or sentences, when the quote spans several), read from the stored text.
/// </summary>
public sealed record EvidenceSpan(
    string StatementKey, string DocumentKey, string DocumentTitle, DateOnly? PublishedOn, int Start, int End, string Exact,
    string Before, string After)
{
    /// <summary>
    /// The text from the start of the sentence holding <paramref name="start"/> to just before it, and from
    /// <paramref name="end"/> to the end of the sentence holding the quote's last character. A sentence ends after
    /// ".", "!" or "?" followed by white space, or at a line break.
    /// </summary>
    public static (string Before, string After) SentenceAround(string text, int start, int end)
    {
        var from = start;
        while (from > 0 && !EndsSentenceAt(text, from - 1)) from--;
        while (from < start && char.IsWhiteSpace(text[from])) from++;
        var to = end;
        while (to < text.Length && !EndsSentenceAt(text, to - 1)) to++;
        while (to > end && char.IsWhiteSpace(text[to - 1])) to--;
        return (text[from..start], text[end..to]);
    }

    /// <summary>
    /// True when a sentence ends with the character at <paramref name="i"/>: a line break, or ".", "!" or "?" (and any
    /// closing quote or bracket after it) followed by white space or the end of the text.
    /// </summary>
    private static bool EndsSentenceAt(string text, int i)
    {
        if (i < 0 || i >= text.Length) return false;
        if (text[i] == '\n') return true;
        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) return false;
        var j = i;
        while (j > 0 && IsCloser(text[j])) j--;
        return text[j] is '.' or '!' or '?';
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']';
}
