using System.Security.Cryptography;
using System.Text;

namespace AlliancePositions.Core.Sources;

/// <summary>
/// How a source text is stored: exactly as received except that a BOM is dropped and line endings become <c>\n</c>.
/// Nothing else (no trimming, no final newline, no Unicode normalisation), because annotation offsets depend on it.
/// </summary>
public static class DocumentText
{
    public const int ContextLength = 32;

    public static string Normalize(string received) =>
        received.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A document's key: the first 12 hex digits of its hash.</summary>
    public static string KeyOf(string sha256) => sha256[..12];

    /// <summary>
    /// Up to 32 UTF-16 code units before <paramref name="start"/>, fewer at the start of the text, and 31 when the 32nd
    /// would be the second half of a character: half a surrogate pair cannot be stored (SQLite keeps UTF-8) or exported.
    /// </summary>
    public static string PrefixAt(string text, int start)
    {
        var from = Math.Max(0, start - ContextLength);
        if (from < start && SplitsCharacter(text, from)) from++;
        return text[from..start];
    }

    /// <summary>Up to 32 UTF-16 code units from <paramref name="end"/>, fewer at the end of the text, and 31 rather than split a character.</summary>
    public static string SuffixAt(string text, int end)
    {
        var to = Math.Min(text.Length, end + ContextLength);
        if (to > end && SplitsCharacter(text, to)) to--;
        return text[end..to];
    }

    /// <summary>True when <paramref name="index"/> falls between the two halves of a surrogate pair.</summary>
    public static bool SplitsCharacter(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]);

    /// <summary>
    /// Null when <c>text[start..end)</c> is exactly <paramref name="exact"/>; otherwise a sentence saying what is wrong,
    /// including what the text there actually is.
    /// </summary>
    public static string? CheckSpan(string text, int start, int end, string exact)
    {
        if (start < 0 || end > text.Length || start >= end)
            return $"The span {start}..{end} is outside the text, which has {text.Length} UTF-16 code units (end is exclusive and must be after start).";
        if (SplitsCharacter(text, start) || SplitsCharacter(text, end))
            return $"The span {start}..{end} cuts a character in half (an emoji or other character written as two UTF-16 code units); move {(SplitsCharacter(text, start) ? "the start" : "the end")} by one.";
        var actual = text[start..end];
        return string.Equals(actual, exact, StringComparison.Ordinal)
            ? null
            : $"The quote does not match the text at {start}..{end}: the text there is \"{actual}\".";
    }
}
