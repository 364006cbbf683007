using System.Globalization;
using AlliancePositions.Core.Stances;
using Microsoft.AspNetCore.WebUtilities;

namespace AlliancePositions.Web.Components.Shared;

/// <summary>
/// The two dates every stance view honours, read from the <c>asOf</c> and <c>knownAt</c> query parameters:
/// asOf is event time (what had been said by then), knownAt is knowledge time (what had been published by then).
/// Both default to today; a date that cannot be read is reported, not silently replaced.
/// </summary>
public sealed record TimeAxes(DateOnly AsOf, DateOnly KnownAt, string? Problem = null)
{
    public const string Format = Api.QueryDate.Format;

    /// <summary>The day the axes were read on: a date equal to it is the default, left out of links.</summary>
    public DateOnly Today { get; init; }

    /// <summary>The methodology and view stances are read through (<c>method=</c>, <c>view=</c>); see <see cref="Through"/>.</summary>
    public StanceLens Lens { get; init; } = StanceLens.Default;

    /// <summary>Why <c>method</c> or <c>view</c> could not be read, by field (the lens is then the default).</summary>
    public IReadOnlyDictionary<string, string[]> LensErrors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>These axes read through the lens <c>method=</c> and <c>view=</c> spell (the default when they cannot be read).</summary>
    public TimeAxes Through(string? method, string? view)
    {
        var (lens, errors) = StanceLens.Parse(method, view);
        return this with { Lens = lens, LensErrors = errors };
    }

    /// <summary>What a page warns of: a date or a method or view that could not be read, or null.</summary>
    public string? Notice => LensErrors.Count == 0 ? Problem : string.Join(" ", new[] { Problem }.Concat(LensErrors.Values.SelectMany(m => m)).OfType<string>());

    /// <summary>The same as field errors for a 400 answer of the API; empty when everything was read.</summary>
    public Dictionary<string, string[]> Errors
    {
        get
        {
            var errors = new Dictionary<string, string[]>(LensErrors, StringComparer.Ordinal);
            if (Problem is not null) errors["asOf/knownAt"] = [Problem];
            return errors;
        }
    }

    public static TimeAxes From(string? asOf, string? knownAt, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var problems = new List<string>();
        var asOfDate = Parse(asOf, "asOf", today, problems);
        var knownAtDate = Parse(knownAt, "knownAt", today, problems);
        return new TimeAxes(asOfDate, knownAtDate, problems.Count == 0 ? null : string.Join(" ", problems)) { Today = today };
    }

    /// <summary>Reads through <see cref="Api.QueryDate"/>: a date that is not YYYY-MM-DD or not in the supported range is a problem.</summary>
    private static DateOnly Parse(string? text, string name, DateOnly today, List<string> problems)
    {
        var (date, problem) = Api.QueryDate.Read(text, name);
        if (problem is not null) problems.Add($"{problem} Showing today instead.");
        return date ?? today;
    }

    /// <summary>"as of 30 Apr 2024, known at 30 Apr 2024 · methodology 2.0": the stamp on every export.</summary>
    public string Stamp => $"as of {AsOf.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, known at {KnownAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} · " +
        $"methodology {Lens.Method}{(Lens.View == StanceView.Hindsight ? " · in hindsight" : "")}";

    /// <summary>The query parameters to carry along in links, so a view stays citable; defaults are null (left out).</summary>
    public Dictionary<string, object?> Query() => new(StringComparer.Ordinal)
    {
        ["asOf"] = AsOf == Today ? null : AsOf.ToString(Format, CultureInfo.InvariantCulture),
        ["knownAt"] = KnownAt == Today ? null : KnownAt.ToString(Format, CultureInfo.InvariantCulture),
        ["method"] = Lens.Method == StanceLens.Default.Method ? null : Lens.Method,
        ["view"] = Lens.View == StanceLens.Default.View ? null : Lens.ViewName,
    };

    /// <summary>
    /// The one way a page links to another view: a relative link to <paramref name="path"/> carrying these axes (and
    /// <paramref name="more"/> parameters; a null value is left out), so the view it opens shows the same moment.
    /// </summary>
    public string Link(string path, IReadOnlyDictionary<string, object?>? more = null)
    {
        var parameters = Query();
        foreach (var (name, value) in more ?? new Dictionary<string, object?>()) parameters[name] = value;
        return WithQuery(path, parameters);
    }

    /// <summary>A relative link with the non-null parameters.</summary>
    public static string WithQuery(string path, IReadOnlyDictionary<string, object?> parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => p.Value is not null)
            .SelectMany(p => p.Value is string[] values // a repeated parameter (several topics)
                ? values.Select(v => KeyValuePair.Create(p.Key, (string?)v))
                : [KeyValuePair.Create(p.Key, (string?)Convert.ToString(p.Value, CultureInfo.InvariantCulture))]));
}
