using System.Globalization;

namespace AlliancePositions.Web.Components.Shared;

/// <summary>
/// The two dates every stance view honours, read from the <c>asOf</c> and <c>knownAt</c> query parameters:
/// asOf is event time (what had been said by then), knownAt is knowledge time (what had been published by then).
/// Both default to today; a date that cannot be read is reported, not silently replaced.
/// </summary>
public sealed record TimeAxes(DateOnly AsOf, DateOnly KnownAt, string? Problem = null)
{
    public const string Format = Api.QueryDate.Format;

    public static TimeAxes From(string? asOf, string? knownAt, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var problems = new List<string>();
        var asOfDate = Parse(asOf, "asOf", today, problems);
        var knownAtDate = Parse(knownAt, "knownAt", today, problems);
        return new TimeAxes(asOfDate, knownAtDate, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    /// <summary>Reads through <see cref="Api.QueryDate"/>: a date that is not YYYY-MM-DD or not in the supported range is a problem.</summary>
    private static DateOnly Parse(string? text, string name, DateOnly today, List<string> problems)
    {
        var (date, problem) = Api.QueryDate.Read(text, name);
        if (problem is not null) problems.Add($"{problem} Showing today instead.");
        return date ?? today;
    }

    /// <summary>"as of 30 Apr 2024, known at 30 Apr 2024 · methodology 1.0": the stamp on every export.</summary>
    public string Stamp => $"as of {AsOf.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, known at {KnownAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} · methodology {Core.Stances.Methodology.Version}";

    /// <summary>The query parameters to carry along in links, so a view stays citable.</summary>
    public IReadOnlyDictionary<string, object?> Query(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new Dictionary<string, object?>
        {
            ["asOf"] = AsOf == today ? null : AsOf.ToString(Format, CultureInfo.InvariantCulture),
            ["knownAt"] = KnownAt == today ? null : KnownAt.ToString(Format, CultureInfo.InvariantCulture),
        };
    }
}
