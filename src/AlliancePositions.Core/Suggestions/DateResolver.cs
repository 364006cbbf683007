using System.Globalization;
using System.Text.RegularExpressions;
using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Suggestions;

public enum DateBasis
{
    /// <summary>Named in the passage: "on 26 February", "on Tuesday", "earlier in February", "last week".</summary>
    Stated,

    /// <summary>Points back to the date just told ("at that time").</summary>
    Anaphoric,

    /// <summary>Now, as of publication: "is currently", "today".</summary>
    Present,
}

/// <summary>A date found in a passage, with the words that gave it.</summary>
public sealed record DateMatch(PartialDate Date, string Evidence, DateBasis Basis, int Start);

/// <summary>
/// Reads English date expressions against the publication date: explicit dates (day, or month and year), weekdays
/// (the latest such day on or before publication, day precision), "yesterday", "last week" / "this week" / "earlier
/// this month" (month precision: the week is not a day), "earlier in February" (the latest February not after
/// publication, month precision), years, and present-time words ("currently", "now", "today").
/// </summary>
public sealed partial class DateResolver(DateOnly published)
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private const string Month = "(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+" + Month + @"(?:,?\s+(?<year>\d{4}))?\b")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?<year>\d{4}))?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?:\b(?:earlier|later|early|late)\s+in\s+|\b(?:in|since|during|until|by|early|late|mid-?)\s+)?\b" + Month + @"(?:\s+(?<year>\d{4}))?\b")]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"\b(?:(?<last>last)\s+|on\s+|this\s+)?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<phrase>yesterday|last week|this week|earlier this week|earlier this month|this month|last month|earlier this year|this year|last year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:in|since|during|by)\s+(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\b(?:currently|now|today|this morning|tonight)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentWords();

    [GeneratedRegex(@"\b(?:at that time|at the time|on that occasion|during (?:that|the) (?:call|calls|meeting|conversation|visit|talks)|in (?:that|the same) (?:call|conversation|meeting))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anaphora();

    public DateOnly Published => published;

    /// <summary>The first date the passage states, or points back to, or null.</summary>
    public DateMatch? Find(string text, int offset = 0)
    {
        var found = new List<DateMatch>();
        foreach (Match m in IsoDate().Matches(text))
            if (TryDay(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)) is { } d) found.Add(new(d, m.Value, DateBasis.Stated, offset + m.Index));
        foreach (var regex in new[] { DayMonth(), MonthDay() })
            foreach (Match m in regex.Matches(text))
                if (ExplicitDay(m) is { } d) found.Add(new(d, m.Value, DateBasis.Stated, offset + m.Index));
        if (found.Count == 0)
            foreach (Match m in MonthOnly().Matches(text))
                if (!Covered(found, offset + m.Index)) found.Add(new(MonthOf(m), m.Value.Trim(), DateBasis.Stated, offset + m.Index));
        foreach (Match m in Weekday().Matches(text)) found.Add(new(WeekdayOf(m), m.Value, DateBasis.Stated, offset + m.Index));
        foreach (Match m in Relative().Matches(text)) found.Add(new(RelativeOf(m.Groups["phrase"].Value.ToLowerInvariant()), m.Value, DateBasis.Stated, offset + m.Index));
        foreach (Match m in YearOnly().Matches(text))
            if (int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) <= published.Year)
                found.Add(new(PartialDate.Year(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)), m.Value, DateBasis.Stated, offset + m.Index));
        if (found.Count > 0) return found.OrderBy(f => f.Start).First();
        if (Anaphora().Match(text) is { Success: true } back) return new(default, back.Value, DateBasis.Anaphoric, offset + back.Index);
        if (PresentWords().Match(text) is { Success: true } now) return new(PartialDate.Create(published, DatePrecision.Day), now.Value, DateBasis.Present, offset + now.Index);
        return null;
    }

    private static bool Covered(List<DateMatch> found, int at) => found.Any(f => f.Start <= at && at < f.Start + f.Evidence.Length);

    private PartialDate? ExplicitDay(Match m)
    {
        var month = MonthNumber(m.Groups["month"].Value);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success) return TryDay(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, day);
        // A day without a year is the latest such day not after publication ("on 26 February" in an April story).
        return TryDay(published.Year, month, day) is { } thisYear && thisYear.Value <= published ? thisYear : TryDay(published.Year - 1, month, day);
    }

    private PartialDate MonthOf(Match m)
    {
        var month = MonthNumber(m.Groups["month"].Value);
        var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)
            : month <= published.Month ? published.Year : published.Year - 1;
        return PartialDate.Month(year, month);
    }

    private PartialDate WeekdayOf(Match m)
    {
        var weekday = Enum.Parse<DayOfWeek>(m.Groups["weekday"].Value);
        var back = ((int)published.DayOfWeek - (int)weekday + 7) % 7;
        // "Last Friday" in a Friday story is a week back; a plain "on Friday" in a Friday story is that day.
        if (m.Groups["last"].Success && back == 0) back = 7;
        return PartialDate.Create(published.AddDays(-back), DatePrecision.Day);
    }

    private PartialDate RelativeOf(string phrase) => phrase switch
    {
        "yesterday" => PartialDate.Create(published.AddDays(-1), DatePrecision.Day),
        "last week" => PartialDate.Create(published.AddDays(-7), DatePrecision.Month),
        "last month" => PartialDate.Create(published.AddMonths(-1), DatePrecision.Month),
        "last year" => PartialDate.Year(published.Year - 1),
        "earlier this year" or "this year" => PartialDate.Year(published.Year),
        _ => PartialDate.Create(published, DatePrecision.Month),
    };

    private static int MonthNumber(string name) =>
        Array.FindIndex(MonthNames, m => m.StartsWith(name.TrimEnd('.')[..3], StringComparison.Ordinal)) + 1;

    private static PartialDate? TryDay(int year, int month, int day) =>
        month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? PartialDate.Day(year, month, day) : null;
}
