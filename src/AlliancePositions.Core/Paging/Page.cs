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
