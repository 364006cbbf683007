using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Sources;
using Microsoft.EntityFrameworkCore;

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
/// <see cref="StatementQueries"/>; only the binding differs. A topic includes its sub-topics. Several topics
/// (<see cref="Topics"/>, with <see cref="Topic"/> if both are given) match a statement tagged with any of them.
/// </summary>
public sealed record StatementFilter(
    string? Topic = null, string? Actor = null, string? Question = null, StatementKind? Kind = null,
    Credibility? Credibility = null, string? Text = null, DateOnly? From = null, DateOnly? To = null,
    StatementSort Sort = StatementSort.DateDescending, int Page = 1, int PageSize = PageLimits.DefaultPageSize, KeySet? Topics = null)
{
    /// <summary>Every topic the filter names, in key order (empty for none).</summary>
    public KeySet SelectedTopics => new((Topics ?? Enumerable.Empty<string>()).Prepend(Topic ?? ""));
}

/// <summary>
/// The keys a filter names, resolved to ids once per request (the statements page, its position split and the CSV
/// export all run on one resolution), with the problems found: an unknown actor, topic or question, or a date range
/// that ends before it starts, keyed by query parameter. The statement list and an actor's timeline resolve here, so
/// an unknown key is reported the same way by both.
/// </summary>
public sealed record FilterKeys(int? ActorId, IReadOnlyList<int>? TopicIds, int? QuestionId, IReadOnlyDictionary<string, string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    internal static Task<FilterKeys> ResolveAsync(Data.AppDbContext db, string? actor, string? topic, string? question, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken) =>
        ResolveAsync(db, actor, new KeySet(topic is null ? [] : [topic]), question, from, to, cancellationToken);

    internal static async Task<FilterKeys> ResolveAsync(Data.AppDbContext db, string? actor, KeySet topics, string? question, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        int? actorId = null, questionId = null;
        IReadOnlyList<int>? topicIds = null;
        if (!string.IsNullOrWhiteSpace(actor))
        {
            actorId = await db.Actors.Where(a => a.Slug == actor).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (actorId is null) problems["actor"] = $"No actor has the key \"{actor}\".";
        }
        if (topics.Count > 0)
        {
            var (ids, unknown) = await Questions.TopicQueries.SubtreeIdsAsync(db, topics, cancellationToken);
            if (unknown.Count > 0) problems["topic"] = $"No topic has the key {string.Join(" or ", unknown.Select(u => $"\"{u}\""))}.";
            else topicIds = ids;
        }
        if (!string.IsNullOrWhiteSpace(question))
        {
            questionId = await db.Questions.Where(q => q.Slug == question).Select(q => (int?)q.Id).FirstOrDefaultAsync(cancellationToken);
            if (questionId is null) problems["question"] = $"No question has the key \"{question}\".";
        }
        if (from is { } start && to is { } end && end < start) problems["to"] = "The end of the date range is before its start.";
        return new FilterKeys(actorId, topicIds, questionId, problems);
    }
}

/// <summary>A <see cref="StatementFilter"/> with its keys resolved: what the statement queries run.</summary>
public sealed record ResolvedStatementFilter(StatementFilter Filter, FilterKeys Keys)
{
    public bool IsValid => Keys.IsValid;
}
