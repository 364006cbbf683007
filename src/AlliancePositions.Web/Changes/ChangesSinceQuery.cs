namespace AlliancePositions.Web.Changes;

/// <summary>Reads <c>since=YYYY-MM-DD</c> for the changes page and its feed: missing means 30 days ago.</summary>
public static class ChangesSinceQuery
{
    public const int DefaultDays = 30;

    public static (DateOnly Since, string? Error) Read(string? since, TimeProvider clock)
    {
        var fallback = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-DefaultDays);
        var (date, problem) = Api.QueryDate.Read(since, "since");
        return (date ?? fallback, problem);
    }
}
