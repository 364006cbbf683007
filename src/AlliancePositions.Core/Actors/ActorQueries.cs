using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Actors;

public sealed record ActorSummary(string Slug, string Name, ActorKind Kind, string? Country);

public sealed record RoleSummary(string Office, OfficeKind OfficeKind, string? Country, string? Organisation, DateOnly From, DateOnly? To, string? Basis);

public sealed record ActorDetail(string Slug, string Name, ActorKind Kind, string? Country, IReadOnlyList<string> Aliases, string? Note,
    IReadOnlyList<RoleSummary> Roles, int Version);

/// <summary>A statement's relation as the timeline shows it: "denied by", "reinterprets", ...</summary>
public sealed record TimelineRelation(RelationType Type, bool Incoming, string StatementKey, string ActorName, string Summary, string ActorSlug);

/// <summary>One entry of an actor's timeline: a statement (with its relations) or a meeting they attended.</summary>
public sealed record TimelineItem(string Type, string Key, PartialDate When, string Title, StatementRow? Statement,
    IReadOnlyList<TimelineRelation> Relations, IReadOnlyList<string> Participants);

/// <summary>
/// What an actor's timeline can be narrowed by. Not a <see cref="StatementFilter"/>: the timeline interleaves meetings,
/// which have no kind, credibility or text, and it travels in time (<paramref name="KnownAt"/> keeps only statements
/// the public could know by then, as the stances do; meetings carry no publication date and are not filtered by it).
/// Its keys are resolved by the same <see cref="FilterKeys"/>, so an unknown topic or question is reported alike.
/// </summary>
public sealed record TimelineFilter(string? Topic = null, string? Question = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 1, int PageSize = PageLimits.DefaultPageSize, DateOnly? KnownAt = null);

public sealed class ActorQueries(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Actors by name or alias (a case-insensitive match anywhere), paged.</summary>
    public async Task<Page<ActorSummary>> ListAsync(string? text, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Actors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Actors number in the hundreds, not millions: a LIKE over names and aliases is cheap here, unlike statements.
            var pattern = $"%{text.Trim()}%";
            // Case-insensitive on both providers: SQLite's LIKE folds case, PostgreSQL's needs ILIKE.
            query = db.Database.IsNpgsql()
                ? query.Where(a => EF.Functions.ILike(a.Name, pattern) || a.Aliases.Any(alias => EF.Functions.ILike(alias, pattern)))
                : query.Where(a => EF.Functions.Like(a.Name, pattern) || a.Aliases.Any(alias => EF.Functions.Like(alias, pattern)));
        }
        (page, pageSize) = PageLimits.Clamp(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Name).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new ActorSummary(a.Slug, a.Name, a.Kind, a.CountryCode)).ToListAsync(cancellationToken);
        return new Page<ActorSummary>(items, total);
    }

    public async Task<ActorDetail?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Actors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new ActorDetail(a.Slug, a.Name, a.Kind, a.CountryCode, a.Aliases, a.Note,
                a.Roles.OrderBy(r => r.From).Select(r => new RoleSummary(r.Office, r.OfficeKind, r.CountryCode, r.Organisation, r.From, r.To, r.Basis)).ToList(),
                a.Version))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Those of the keys no actor has, in the order given: one query for a whole list.</summary>
    public async Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.Actors.AsNoTracking().Where(a => slugs.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
        return slugs.Except(known, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The actor's statements and meetings in date order (newest first), filtered by topic (with sub-topics) and
    /// question; paged on the server. Null when no actor has the slug; the problems when the filter names an unknown
    /// topic or question. Past <see cref="Page{T}.CountCap"/> entries the total is capped
    /// (<see cref="Page{T}.TotalIsCapped"/>), as the statement list's is; the last page's is exact.
    /// </summary>
    public async Task<FilteredPage<TimelineItem>?> TimelineAsync(string slug, TimelineFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await FilterKeys.ResolveAsync(db, slug, filter.Topic, filter.Question, filter.From, filter.To, cancellationToken);
        if (keys.ActorId is not { } actorId) return null;
        if (!keys.IsValid) return FilteredPage<TimelineItem>.Refused(keys.Problems);
        var (page, pageSize) = PageLimits.Clamp(filter.Page, filter.PageSize);

        var statements = db.Statements.AsNoTracking().Where(s => s.ActorId == actorId);
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Id == actorId));
        if (keys.TopicIds is { } topicIds)
        {
            statements = statements.Where(s => s.Topics.Any(t => topicIds.Contains(t.Id)));
            meetings = meetings.Where(m => m.Topics.Any(t => topicIds.Contains(t.Id)));
        }
        if (keys.QuestionId is { } questionId)
        {
            statements = statements.Where(s => s.Codings.Any(c => c.QuestionId == questionId));
            meetings = meetings.Where(m => m.Statements.Any(s => s.ActorId == actorId && s.Codings.Any(c => c.QuestionId == questionId)));
        }
        if (filter.From is { } from) { statements = statements.Where(s => s.Date >= from); meetings = meetings.Where(m => m.Date >= from); }
        if (filter.To is { } to) { statements = statements.Where(s => s.Date <= to); meetings = meetings.Where(m => m.Date <= to); }
        if (filter.KnownAt is { } knownAt) statements = statements.Where(s => (s.KnownFrom ?? s.Date) <= knownAt);

        // Merge the two date-ordered streams on the server side: only the keys of the page are read, then its rows.
        // SQLite merges the UNION ALL (MERGE) with each side read in order off its index (statements off
        // IX_Statements_Actor_Date_Key), so the cost follows the page's reach, not the actor's history.
        var entries = await statements.Select(s => new { Type = "statement", s.Key, s.Date })
            .Concat(meetings.Select(m => new { Type = "meeting", m.Key, m.Date }))
            .OrderByDescending(e => e.Date).ThenBy(e => e.Type).ThenBy(e => e.Key)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        var total = (page - 1) * pageSize + entries.Count;
        var totalIsCapped = false;
        // A page past the end says nothing about how many entries there are before it: count them, as for a full page.
        if (entries.Count > pageSize || (entries.Count == 0 && page > 1))
        {
            // Count at most one past the cap, as the statement list does: the page says "10,000+" rather than counting
            // the whole history of the busiest actors (78,000 statements at 1M) on every page.
            var counted = await statements.Take(Page<TimelineItem>.CountCap + 1).CountAsync(cancellationToken);
            if (counted <= Page<TimelineItem>.CountCap) counted += await meetings.Take(Page<TimelineItem>.CountCap + 1).CountAsync(cancellationToken);
            total = Math.Min(counted, Page<TimelineItem>.CountCap);
            totalIsCapped = counted > Page<TimelineItem>.CountCap;
        }
        entries = entries.Take(pageSize).ToList();

        var statementKeys = entries.Where(e => e.Type == "statement").Select(e => e.Key).ToList();
        var meetingKeys = entries.Where(e => e.Type == "meeting").Select(e => e.Key).ToList();
        var rows = await StatementQueries.Project(db.Statements.AsNoTracking().Where(s => statementKeys.Contains(s.Key))).ToDictionaryAsync(r => r.Key, cancellationToken);
        var relations = await RelationsAsync(db, statementKeys, cancellationToken);
        var meetingRows = await db.Meetings.AsNoTracking().Where(m => meetingKeys.Contains(m.Key))
            .Select(m => new { m.Key, m.Title, m.Date, m.DatePrecision, Participants = m.Participants.OrderBy(p => p.Name).Select(p => p.Name).ToList() })
            .ToDictionaryAsync(m => m.Key, cancellationToken);

        var items = entries.Select(e => e.Type == "statement"
            ? new TimelineItem("statement", e.Key, rows[e.Key].When, rows[e.Key].Summary, rows[e.Key], relations.GetValueOrDefault(e.Key) ?? [], [])
            : new TimelineItem("meeting", e.Key, new PartialDate(meetingRows[e.Key].Date, meetingRows[e.Key].DatePrecision), meetingRows[e.Key].Title, null, [],
                meetingRows[e.Key].Participants)).ToList();
        return new FilteredPage<TimelineItem>(new Page<TimelineItem>(items, total, totalIsCapped), keys.Problems);
    }

    private static async Task<Dictionary<string, List<TimelineRelation>>> RelationsAsync(AppDbContext db, List<string> keys, CancellationToken cancellationToken)
    {
        var outgoing = await db.StatementRelations.AsNoTracking().Where(r => keys.Contains(r.FromStatement.Key))
            .Select(r => new { Of = r.FromStatement.Key, r.Type, Other = r.ToStatement.Key, r.ToStatement.Actor.Name, r.ToStatement.Summary, r.ToStatement.Actor.Slug })
            .ToListAsync(cancellationToken);
        var incoming = await db.StatementRelations.AsNoTracking().Where(r => keys.Contains(r.ToStatement.Key))
            .Select(r => new { Of = r.ToStatement.Key, r.Type, Other = r.FromStatement.Key, r.FromStatement.Actor.Name, r.FromStatement.Summary, r.FromStatement.Actor.Slug })
            .ToListAsync(cancellationToken);
        return outgoing.Select(r => (r.Of, Relation: new TimelineRelation(r.Type, false, r.Other, r.Name, r.Summary, r.Slug)))
            .Concat(incoming.Select(r => (r.Of, Relation: new TimelineRelation(r.Type, true, r.Other, r.Name, r.Summary, r.Slug))))
            .GroupBy(r => r.Of).ToDictionary(g => g.Key, g => g.Select(r => r.Relation).ToList());
    }
}
