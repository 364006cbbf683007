using System.Globalization;
using AlliancePositions.Core.Paging;

namespace AlliancePositions.Web.Api;

/// <summary>
/// <c>page</c> (1 to <see cref="PageLimits.MaxPage"/>) and <c>pageSize</c> (default 50, at most 500) as the URL spells
/// them; a value that cannot be read or is out of range is a field error, not a silent default. Every paged list reads
/// its paging here, so the bounds are checked once.
/// </summary>
public sealed record PageQuery(string? Page = null, string? PageSize = null)
{
    public (int Page, int PageSize, Dictionary<string, string[]> Errors) Read()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        return (Number(Page, "page", PageLimits.MaxPage, 1, errors), Number(PageSize, "pageSize", PageLimits.MaxPageSize, PageLimits.DefaultPageSize, errors), errors);
    }

    private static int Number(string? text, string name, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max) return number;
        errors[name] = [$"\"{text}\" is not a whole number from 1 to {max.ToString("N0", CultureInfo.InvariantCulture)}."];
        return fallback;
    }
}

/// <summary>One page of a list that can grow, as the API writes it: <c>{ items, total }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total)
{
    public static Paged<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) => new(page.Items.Select(map).ToList(), page.Total);
}
