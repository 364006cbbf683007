using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AlliancePositions.Core.Exports;

/// <summary>
/// Text made safe for an XML document (the Atom feed, the SVG downloads) whatever is stored: XML 1.0 forbids most
/// control characters, lone surrogates and U+FFFE/U+FFFF even as character references, and one of them makes the
/// whole document unreadable. Input refuses them (<see cref="Editing.InputRules"/>); this is the second line, for rows
/// stored before that rule or by a path that missed it. Each forbidden character becomes U+FFFD.
/// </summary>
public static partial class XmlSafe
{
    public const char Replacement = '\uFFFD';

    /// <summary>The text with every character XML 1.0 cannot hold replaced by U+FFFD.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var first = FirstForbidden(text);
        if (first < 0) return text;
        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(text[i]).Append(text[++i]);
            else clean.Append(Allowed(text[i]) ? text[i] : Replacement);
        }
        return clean.ToString();
    }

    /// <summary>
    /// Markup rendered by an HTML encoder (a Razor component as SVG) made well-formed XML: forbidden characters, and the
    /// character references an HTML encoder writes for them (&amp;#x1;), become U+FFFD.
    /// </summary>
    public static string Markup(string markup) =>
        CharacterReference().Replace(Text(markup), match =>
        {
            var hex = match.Groups["hex"].Success;
            var digits = hex ? match.Groups["hex"].Value : match.Groups["dec"].Value;
            var parsed = int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code);
            return parsed && AllowedCodePoint(code) ? match.Value : Replacement.ToString();
        });

    /// <summary>The index of the first character XML 1.0 cannot hold, or -1.</summary>
    public static int FirstForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!Allowed(text[i])) return i;
        }
        return -1;
    }

    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; a surrogate only in a pair.
    private static bool Allowed(char c) => c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    private static bool AllowedCodePoint(int code) =>
        code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    [GeneratedRegex("&#(?:[xX](?<hex>[0-9A-Fa-f]{1,8})|(?<dec>[0-9]{1,10}));", RegexOptions.CultureInvariant)]
    private static partial Regex CharacterReference();
}
