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

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (int Page, int PageSize) Clamp(int page, int pageSize) =>
        (Math.Max(1, page), pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize));
}
