using System.Globalization;
using System.Text.RegularExpressions;
using AlliancePositions.Core.Dates;

namespace AlliancePositions.Web.Changes;

/// <summary>
/// Reads <c>added=</c>, the instant "added since" starts from, for the changes page and its API: an RFC 3339 instant
/// with its offset (<c>2026-11-30T09:00:00Z</c>, <c>2026-11-30T10:00+01:00</c>) or a date (midnight UTC). Missing means
/// <see cref="DefaultDays"/> days ago.
/// </summary>
public static partial class AddedSinceQuery
{
    public const int DefaultDays = 7;

    /// <summary>How the page and API write an instant back: UTC to the second.</summary>
    public static string Write(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Default(TimeProvider clock) => Truncated(clock.GetUtcNow().AddDays(-DefaultDays));

    public static (DateTimeOffset Since, string? Error) Read(string? text, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(text)) return (Default(clock), null);
        var value = text.Trim();
        if (DateOnly.TryParseExact(value, Api.QueryDate.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return SupportedDates.Contains(day) ? (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null)
                : (Default(clock), SupportedDates.OutOfRange("added", day));
        // An instant without its offset would be read in the server's time zone: the caller must say which.
        if (!Instant().IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return (Default(clock), $"\"{text}\" is not an instant for added; use YYYY-MM-DDThh:mm:ssZ (or an offset such as +01:00), or YYYY-MM-DD.");
        var date = DateOnly.FromDateTime(instant.UtcDateTime);
        return SupportedDates.Contains(date) ? (instant.ToUniversalTime(), null) : (Default(clock), SupportedDates.OutOfRange("added", date));
    }

    private static DateTimeOffset Truncated(DateTimeOffset instant) => new(instant.UtcDateTime.Ticks - instant.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();
}
