using System.Globalization;

namespace AlliancePositions.Core.Dates;

/// <summary>How precisely a source dates an event: "earlier in February" is month precision.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>
/// A date with honest precision. A month-precision date is stored as the 1st of its month and a year-precision date
/// as 1 January, so it sorts and counts for as-of queries from then (DOMAIN.md §6), but it is never shown as a day:
/// a day would overstate the source.
/// </summary>
public readonly record struct PartialDate(DateOnly Value, DatePrecision Precision) : IComparable<PartialDate>
{
    public static PartialDate Day(int year, int month, int day) => new(new DateOnly(year, month, day), DatePrecision.Day);
    public static PartialDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);
    public static PartialDate Year(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>Normalises the value to the start of its period, so 2024-02-17 at month precision becomes 2024-02-01.</summary>
    public static PartialDate Create(DateOnly value, DatePrecision precision) => precision switch
    {
        DatePrecision.Month => new(new DateOnly(value.Year, value.Month, 1), precision),
        DatePrecision.Year => new(new DateOnly(value.Year, 1, 1), precision),
        _ => new(value, precision),
    };

    /// <summary>Shown as "26 Feb 2024", "Feb 2024" or "2024".</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Month => Value.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The ISO 8601 prefix whose length is the precision: "2024-02-26", "2024-02", "2024".</summary>
    public string ToIsoPrefix() => Precision switch
    {
        DatePrecision.Month => Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Same sort key (the first day) ties; the coarser date comes first, as in ISO-prefix string order
    /// ("2024-02" before "2024-02-01"), so a precise statement on the 1st is read as the later one.
    /// </summary>
    public int CompareTo(PartialDate other)
    {
        var byValue = Value.CompareTo(other.Value);
        return byValue != 0 ? byValue : other.Precision.CompareTo(Precision);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
