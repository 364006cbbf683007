namespace AlliancePositions.Core.Paging;

/// <summary>How long a page may be and how far a list may page: one rule for the pages, the API and the services.</summary>
public static class PageLimits
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
