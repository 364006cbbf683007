namespace AlliancePositions.Core.Suggestions;

/// <summary>A sentence of a text: <c>[Start, End)</c> in UTF-16 code units, trimmed, and the paragraph (line block) it is in.</summary>
public sealed record Sentence(int Start, int End, int Paragraph)
{
    public string Of(string text) => text[Start..End];
}

/// <summary>
/// Splits English news text into sentences: a line break always ends one, and ".", "!" or "?" (with any closing quote)
/// does when the next word starts a new sentence and the word before is not an abbreviation ("U.S.", "Mr.", "Feb.").
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "pres", "prof", "rev", "hon",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr",
    };

    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var paragraph = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i, paragraph);
                start = i + 1;
                if (HasWords(text, start, NextLineEnd(text, start))) paragraph++;
                continue;
            }
            if (c is not ('.' or '!' or '?')) continue;
            var end = i + 1;
            while (end < text.Length && IsClosing(text[end])) end++;
            if (!StartsNewSentence(text, end) || (c == '.' && IsAbbreviation(text, i))) continue;
            Add(sentences, text, start, end, paragraph);
            start = end;
            i = end - 1;
        }
        Add(sentences, text, start, text.Length, paragraph);
        return sentences;
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end, int paragraph)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add(new Sentence(start, end, paragraph));
    }

    private static bool IsClosing(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']';

    private static bool StartsNewSentence(string text, int at)
    {
        if (at >= text.Length || text[at] == '\n') return true;
        if (!char.IsWhiteSpace(text[at])) return false;
        while (at < text.Length && text[at] is ' ' or '\t') at++;
        if (at >= text.Length || text[at] == '\n') return true;
        var next = text[at];
        return char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '‘' or '(' or '[';
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var from = dot;
        while (from > 0 && (char.IsLetter(text[from - 1]) || text[from - 1] == '.')) from--;
        var word = text[from..dot];
        if (word.Length == 0) return false;
        // "U.S", "U.K", "e.g" and single initials ("J. Smith") never end a sentence here.
        return word.Contains('.') || (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static int NextLineEnd(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end;
    }

    private static bool HasWords(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (!char.IsWhiteSpace(text[i])) return true;
        return false;
    }
}
