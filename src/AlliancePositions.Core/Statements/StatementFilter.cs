using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Statements;

public enum StatementSort
{
    DateDescending,
    DateAscending,
    Actor,
    Credibility,
}

/// <summary>
/// The one filter the statements page (from its query string), the API and the CSV export each build and pass to
/// <see cref="StatementQueries"/>; only the binding differs. A topic includes its sub-topics.
/// </summary>
public sealed record StatementFilter(
    string? Topic = null, string? Actor = null, string? Question = null, StatementKind? Kind = null,
    Credibility? Credibility = null, string? Text = null, DateOnly? From = null, DateOnly? To = null,
    StatementSort Sort = StatementSort.DateDescending, int Page = 1, int PageSize = Paging.Paging.DefaultPageSize);
