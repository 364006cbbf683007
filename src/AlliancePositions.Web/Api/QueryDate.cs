using System.Globalization;
using AlliancePositions.Core.Dates;

namespace AlliancePositions.Web.Api;

/// <summary>
/// A date in the query string (<c>asOf</c>, <c>knownAt</c>, <c>from</c>, <c>to</c>, <c>since</c>): YYYY-MM-DD within
/// <see cref="SupportedDates"/>. Every query date is read here, so the range is checked once for pages and API alike.
/// </summary>
public static class QueryDate
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>Null without a problem when the value is absent; null with the problem when it is not a date in range.</summary>
    public static (DateOnly? Date, string? Problem) Read(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (!DateOnly.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, $"\"{text}\" is not a date for {name}; use YYYY-MM-DD.");
        return SupportedDates.Contains(date) ? (date, null) : (null, SupportedDates.OutOfRange(name, date));
    }

    /// <summary>The date, or null with the problem added to <paramref name="errors"/> under <paramref name="name"/>.</summary>
    public static DateOnly? Read(string? text, string name, IDictionary<string, string[]> errors)
    {
        var (date, problem) = Read(text, name);
        if (problem is not null) errors[name] = [problem];
        return date;
    }
}
