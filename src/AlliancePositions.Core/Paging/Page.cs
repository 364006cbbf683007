namespace AlliancePositions.Core.Paging;

/// <summary>
/// One page of a list that can grow. <see cref="Total"/> is exact unless <see cref="TotalIsCapped"/>: past
/// <see cref="CountCap"/> matches the count stops (shown "10,000+"), since counting a million rows exactly costs more
/// than the page itself.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped = false)
{
    public const int CountCap = 10_000;
}

/// <summary>
/// A page of a filtered list, or the problems with the filter that produced none, keyed by query parameter (an unknown
/// actor, topic or question; a date range that ends before it starts): the statement list and an actor's timeline
/// answer the same way.
/// </summary>
public sealed record FilteredPage<T>(Page<T> Page, IReadOnlyDictionary<string, string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public static FilteredPage<T> Refused(IReadOnlyDictionary<string, string> problems) => new(new Page<T>([], 0), problems);
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>
    /// The last page a list may ask for. With <see cref="MaxPageSize"/> the offset stays under 500 million, so
    /// <c>(page - 1) * pageSize</c> cannot overflow an int (page 2,147,483,647 wrapped round to the first page).
    /// </summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Page and size brought into range, for callers that did not check them (the API refuses them with 400).</summary>
    public static (int Page, int PageSize) Clamp(int page, int pageSize) =>
        (Math.Clamp(page, 1, MaxPage), pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize));
}
