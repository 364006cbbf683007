using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;

namespace AlliancePositions.Core.Editing;

/// <summary>The limits every write checks, in one place so the UI's help text and the API's errors agree.</summary>
public static class InputRules
{
    public const int MaxTitle = 500;
    public const int MaxSummary = 4000;
    public const int MaxNote = 4000;
    public const int MaxName = 200;
    public const int MaxDocumentText = 1_000_000;
    public const int MaxQuote = 10_000;
    public const int MaxTranslation = MaxQuote;
    public const int MaxQualifier = 500;
    public const int MaxReason = 1000;
    public const int MaxUrl = 2000;
    public const int MaxLanguage = 35;

    /// <summary>What each pole of a question's scale means.</summary>
    public const int MaxMeaning = 500;

    /// <summary>A slug key (actor, topic, question, bloc, outlet, coder): see <see cref="Slug.IsValid"/>.</summary>
    public const int MaxSlug = 100;

    // Widths of what the server makes or takes from the account rather than from a form: the EF model sizes its
    // columns with these, so a key or a name never outgrows its column.

    /// <summary>A record's key (statement, meeting, annotation): a short key or a dated stem such as "2024-02-26-call-2".</summary>
    public const int MaxRecordKey = 40;

    /// <summary>A <see cref="ShortKey"/> (document, suggestion), with room to spare.</summary>
    public const int MaxShortKey = 12;

    /// <summary>An account's user name, as ASP.NET Core Identity stores it.</summary>
    public const int MaxUserName = 256;

    /// <summary>An account's id, as ASP.NET Core Identity stores it.</summary>
    public const int MaxUserId = 450;

    /// <summary>An ISO 3166-1 alpha-2 country code.</summary>
    public const int CountryCodeLength = 2;

    /// <summary>A SHA-256 digest as hex.</summary>
    public const int Sha256Length = 64;

    /// <summary>An annotation's tags: a few words to find it by, not a place for data.</summary>
    public const int MaxTags = 50;
    public const int MaxTag = 100;

    /// <summary>
    /// Keys one request lists (a meeting's participants and topics, a statement's topics and evidence): far more than
    /// any record has, and few enough to look up at once (a list of 20,000 took seconds).
    /// </summary>
    public const int MaxKeys = 200;

    /// <summary>True when <paramref name="count"/> keys are within <see cref="MaxKeys"/>; otherwise the error, and they are not looked up.</summary>
    public static bool KeyCount(FieldErrors errors, string field, int count, string label)
    {
        if (count <= MaxKeys) return true;
        errors.Add(field, $"{label} are {count:N0}; the limit is {MaxKeys:N0}.");
        return false;
    }

    /// <summary>Nothing the project tracks predates Ukraine's independence (1991).</summary>
    public static readonly DateOnly Earliest = new(1991, 1, 1);

    public static void Required(FieldErrors errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, $"{label} is required.");
        else Optional(errors, field, value, max, label);
    }

    public static void Optional(FieldErrors errors, string field, string? value, int max, string label)
    {
        if (value is null) return;
        if (value.Length > max) errors.Add(field, $"{label} is {value.Length:N0} characters long; the limit is {max:N0}.");
        else if (NotText(value) is { } problem) errors.Add(field, $"{label} {problem}");
    }

    /// <summary>Each item checked as <see cref="Optional"/>, and no more than <paramref name="maxItems"/> of them.</summary>
    public static void List(FieldErrors errors, string field, IReadOnlyCollection<string?>? values, int maxItems, int max, string label, string itemLabel)
    {
        if (values is null) return;
        if (values.Count > maxItems) errors.Add(field, $"{label} are {values.Count:N0}; the limit is {maxItems:N0}.");
        else foreach (var value in values) Optional(errors, field, value, max, itemLabel);
    }

    /// <summary>
    /// Null when <paramref name="value"/> is text; otherwise the rest of a sentence naming the first character that is
    /// not: a control character other than tab and line breaks, a lone surrogate, or U+FFFE/U+FFFF. Such characters
    /// have no place in names or prose, and XML (the Atom feed, the SVG downloads) cannot hold them at all.
    /// </summary>
    public static string? NotText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsSurrogate(c)) return $"contains half of a character (U+{(int)c:X4}, a lone surrogate) at position {i + 1:N0}.";
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
                return $"contains the control character U+{(int)c:X4} at position {i + 1:N0}: only tabs and line breaks are allowed.";
        }
        return null;
    }

    /// <summary>A document's address: absolute http or https, nothing a link could run (javascript:, data:).</summary>
    public static void Url(FieldErrors errors, string field, string? url)
    {
        Optional(errors, field, url, MaxUrl, "The URL");
        if (url is { Length: > 0 } && !IsWebAddress(url)) errors.Add(field, $"\"{url}\" is not an http or https address.");
    }

    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public static void Date(FieldErrors errors, string field, DateOnly? date, DateOnly today, string label)
    {
        if (date is not { } d) return;
        if (d > today) errors.Add(field, $"{label} {d:yyyy-MM-dd} is in the future.");
        else if (d < Earliest) errors.Add(field, $"{label} {d:yyyy-MM-dd} is before 1991; the project tracks events from 1991 on.");
    }

    public static PartialDate? PartialDate(FieldErrors errors, string field, DateOnly date, string? precision, DateOnly today)
    {
        if (!WireNames.TryParse<DatePrecision>(precision, out var p))
        {
            errors.Add(field + "Precision", $"\"{precision}\" is not a date precision: use day, month or year.");
            return null;
        }
        Date(errors, field, date, today, "The date");
        return Dates.PartialDate.Create(date, p);
    }
}
