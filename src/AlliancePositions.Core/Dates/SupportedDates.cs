using System.Globalization;

namespace AlliancePositions.Core.Dates;

/// <summary>
/// The dates the app works with, from 1 January 1900 to 31 December 2100: every date a request or an import can carry
/// (asOf, knownAt, filters, bodies, offices and memberships) is checked against this one range, and refused outside it.
/// Inside it the stance arithmetic cannot overflow: the oldest evidence seen from the latest as-of date is about 400
/// half-lives old, a recency weight near 1e-122, far from double's underflow at 1e-308 (and a month either side of
/// any date in range is still a date).
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>"asOf 3000-01-01 is outside the dates the app works with (1900-01-01 to 2100-12-31)."</summary>
    public static string OutOfRange(string label, DateOnly date) =>
        $"{label} {Iso(date)} is outside the dates the app works with ({Iso(Earliest)} to {Iso(Latest)}).";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
