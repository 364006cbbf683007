using System.Globalization;
using System.Text;
using AlliancePositions.Core.Editing;

namespace AlliancePositions.Core.Keys;

/// <summary>URL-safe stable keys: slugs for named records, short random keys for the rest.</summary>
public static class Slug
{
    /// <summary>"Radosław Sikorski" becomes "radoslaw-sikorski": lower-case ASCII, diacritics removed, hyphens.</summary>
    public static string From(string text)
    {
        var decomposed = text.Replace("ł", "l", StringComparison.Ordinal).Replace("Ł", "L", StringComparison.Ordinal)
            .Replace("ø", "o", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || c is >= 'A' and <= 'Z')
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return builder.Length == 0 ? "item" : builder.ToString();
    }

    /// <summary>The slug of <paramref name="text"/>, with "-2", "-3"... appended while it clashes with a taken one.</summary>
    public static string Unique(string text, Func<string, bool> isTaken)
    {
        var slug = From(text);
        if (!isTaken(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!isTaken(candidate)) return candidate;
        }
    }

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= InputRules.MaxSlug && key[0] != '-' && key[^1] != '-' &&
        key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}

public static class ShortKey
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>An 8-character key from an alphabet without look-alikes (no l, 1, o, 0).</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        return new string(chars);
    }
}
