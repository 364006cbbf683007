using System.Globalization;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Components.Shared;

namespace AlliancePositions.Web.Statements;

/// <summary>
/// The statements filter as the URL spells it: every value a string, as typed. The page fills it from its
/// <c>[SupplyParameterFromQuery]</c> properties, the CSV endpoint binds it with <c>[AsParameters]</c>; both then call
/// <see cref="Bind"/>, so a query string means the same filter everywhere. <c>topic</c> may be repeated: several
/// topics match a statement tagged with any of them.
/// </summary>
public sealed record StatementFilterQuery(
    string[]? Topic = null, string? Actor = null, string? Question = null, string? Kind = null, string? Credibility = null,
    string? Q = null, string? From = null, string? To = null, string? Sort = null, string? Page = null, string? PageSize = null)
{
    /// <summary>The filter, with each value that could not be read left out and reported under its query name.</summary>
    public StatementFilterBinding Bind()
    {
        var (page, pageSize, errors) = new Api.PageQuery(Page, PageSize).Read();
        // One topic stays the single-topic filter it always was; several go together.
        var topics = new KeySet(Topic ?? []);
        var filter = new StatementFilter(
            Topic: topics.Count == 1 ? topics[0] : null, Topics: topics.Count > 1 ? topics : null, Actor: Trimmed(Actor), Question: Trimmed(Question),
            Kind: ReadKind(errors), Credibility: ReadCredibility(errors), Text: Trimmed(Q),
            From: ReadDate(From, "from", errors), To: ReadDate(To, "to", errors), Sort: ReadSort(errors),
            Page: page, PageSize: pageSize);
        return new StatementFilterBinding(filter, errors);
    }

    /// <summary>
    /// The query parameters that spell <paramref name="filter"/>; defaults are null so they drop out of the URL
    /// (<c>NavigationManager.GetUriWithQueryParameters</c> removes null values).
    /// </summary>
    public static Dictionary<string, object?> ToQuery(StatementFilter filter) => new(StringComparer.Ordinal)
    {
        ["topic"] = filter.SelectedTopics is { Count: > 0 } topics ? topics.ToArray() : null,
        ["actor"] = filter.Actor,
        ["question"] = filter.Question,
        ["kind"] = filter.Kind?.ToWire(),
        ["credibility"] = filter.Credibility is { } credibility ? ((int)credibility).ToString(CultureInfo.InvariantCulture) : null,
        ["q"] = filter.Text,
        ["from"] = filter.From?.ToString(TimeAxes.Format, CultureInfo.InvariantCulture),
        ["to"] = filter.To?.ToString(TimeAxes.Format, CultureInfo.InvariantCulture),
        ["sort"] = filter.Sort == StatementSort.DateDescending ? null : filter.Sort.ToWire(),
        ["page"] = filter.Page == 1 ? null : filter.Page.ToString(CultureInfo.InvariantCulture),
        ["pageSize"] = filter.PageSize == PageLimits.DefaultPageSize ? null : filter.PageSize.ToString(CultureInfo.InvariantCulture),
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private StatementKind? ReadKind(Dictionary<string, string[]> errors)
    {
        if (Trimmed(Kind) is not { } text) return null;
        if (WireNames.TryParse<StatementKind>(text, out var kind)) return kind;
        errors["kind"] = [$"\"{text}\" is not a kind of statement; use one of {string.Join(", ", WireNames.All<StatementKind>())}."];
        return null;
    }

    private Credibility? ReadCredibility(Dictionary<string, string[]> errors)
    {
        if (Trimmed(Credibility) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && grade is >= 1 and <= 6) return (Credibility)grade;
        errors["credibility"] = [$"\"{text}\" is not an Admiralty credibility grade; use 1 (confirmed) to 6 (cannot be judged)."];
        return null;
    }

    private static DateOnly? ReadDate(string? value, string name, Dictionary<string, string[]> errors) => Api.QueryDate.Read(value, name, errors);

    private StatementSort ReadSort(Dictionary<string, string[]> errors)
    {
        if (Trimmed(Sort) is not { } text) return StatementSort.DateDescending;
        if (WireNames.TryParse<StatementSort>(text, out var sort)) return sort;
        errors["sort"] = [$"\"{text}\" is not a sort order; use one of {string.Join(", ", WireNames.All<StatementSort>())}."];
        return StatementSort.DateDescending;
    }
}

/// <summary>A bound filter and what could not be read, keyed by query parameter (the shape of a validation problem).</summary>
public sealed record StatementFilterBinding(StatementFilter Filter, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
