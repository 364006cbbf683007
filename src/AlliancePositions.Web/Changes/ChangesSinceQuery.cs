using AlliancePositions.Web.Components.Shared;

namespace AlliancePositions.Web.Changes;

/// <summary>Reads <c>since=YYYY-MM-DD</c> for the changes page and its feed: missing means 30 days ago.</summary>
public static class ChangesSinceQuery
{
    public const int DefaultDays = 30;

    public static (DateOnly Since, string? Error) Read(string? since, TimeProvider clock)
    {
        var fallback = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-DefaultDays);
        if (string.IsNullOrWhiteSpace(since)) return (fallback, null);
        return TimeAxes.ParseDate(since.Trim()) is { } date
            ? (date, null)
            : (fallback, $"\"{since}\" is not a date; use YYYY-MM-DD.");
    }
}
