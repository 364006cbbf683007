using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Statements.Search;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Statements;

/// <summary>
/// Reads statements through the shared <see cref="StatementFilter"/>: the statements page, the API and the CSV export
/// all come here. SQL does the filtering, sorting and paging; only one page is ever materialised.
/// </summary>
public sealed partial class StatementQueries(IDbContextFactory<AppDbContext> contexts, IStatementTextSearch textSearch, Stances.StanceCache? corpusChanges = null)
{
    /// <summary>The filter with its keys resolved: a request that runs several queries on one filter resolves it once.</summary>
    public async Task<ResolvedStatementFilter> ResolveAsync(StatementFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new(filter, await FilterKeys.ResolveAsync(db, filter.Actor, filter.SelectedTopics, filter.Question, filter.From, filter.To, cancellationToken));
    }

    /// <summary>
    /// The filter's page and its capped count, kept until the corpus next changes (the stance cache's version moves on
    /// every write, on any node): the statements page opened with no filter, a shared link, a client polling one query
    /// ask for the same page again and again, and each asking runs three commands. A filter's page depends on the
    /// filter and the corpus alone, so the key is the filter.
    /// </summary>
    public Task<FilteredPage<StatementRow>> SearchAsync(StatementFilter filter, CancellationToken cancellationToken) =>
        KeptAsync(filter, async token => await SearchAnewAsync(await ResolveAsync(filter, token), token), cancellationToken);

    /// <inheritdoc cref="SearchAsync(StatementFilter, CancellationToken)"/>
    public Task<FilteredPage<StatementRow>> SearchAsync(ResolvedStatementFilter resolved, CancellationToken cancellationToken) =>
        KeptAsync(resolved.Filter, token => SearchAnewAsync(resolved, token), cancellationToken);

    private Task<FilteredPage<StatementRow>> KeptAsync(StatementFilter filter, Func<CancellationToken, Task<FilteredPage<StatementRow>>> search,
        CancellationToken cancellationToken) =>
        corpusChanges is null ? search(cancellationToken) : corpusChanges.GetOrComputeAnswerAsync((nameof(SearchAsync), filter), search, cancellationToken);

    private async Task<FilteredPage<StatementRow>> SearchAnewAsync(ResolvedStatementFilter resolved, CancellationToken cancellationToken)
    {
        if (!resolved.IsValid) return FilteredPage<StatementRow>.Refused(resolved.Keys.Problems);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, resolved);

        var (page, pageSize) = PageLimits.Clamp(resolved.Filter.Page, resolved.Filter.PageSize);
        // A few matches are read whole, and counted and cut here (SortedHereUpTo); more are counted, at most one past the
        // cap (the page says "10,000+" rather than scanning every match), and sorted and cut by the database.
        var few = resolved.Filter.Sort == StatementSort.Actor ? null : await query.Select(ToPageKey).Take(SortedHereUpTo + 1).ToListAsync(cancellationToken);
        int total;
        List<PageKey> found;
        if (few is not null && few.Count <= SortedHereUpTo)
            (total, found) = (few.Count, SortHere(few, resolved.Filter.Sort).Skip((page - 1) * pageSize).Take(pageSize).ToList());
        else
        {
            total = await query.Take(Page<StatementRow>.CountCap + 1).CountAsync(cancellationToken);
            found = await Sort(query, resolved.Filter.Sort).Skip((page - 1) * pageSize).Take(pageSize).Select(ToPageKey).ToListAsync(cancellationToken);
        }
        // The page's rows by id, put back in the page's order here: the rows' codings are a second command, which would
        // otherwise run the whole filter again to find the page.
        var ids = found.ConvertAll(s => s.Id);
        var place = found.Select((s, i) => (s.Key, i)).ToDictionary(s => s.Key, s => s.i, StringComparer.Ordinal);
        var rows = (await Project(db.Statements.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id))).ToListAsync(cancellationToken))
            .OrderBy(r => place[r.Key]).ToList();
        return new(new Page<StatementRow>(rows, Math.Min(total, Page<StatementRow>.CountCap), total > Page<StatementRow>.CountCap), resolved.Keys.Problems);
    }

    /// <summary>One statement as lists show it, with the version an edit must name; null when no statement has the key.</summary>
    public async Task<(StatementRow Row, int Version)?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await db.Statements.AsNoTracking().Where(s => s.Key == key).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken);
        if (version is null) return null;
        var row = await Project(db.Statements.AsNoTracking().Where(s => s.Key == key)).FirstAsync(cancellationToken);
        return (row, version.Value);
    }

    /// <summary>A statement with every value its edit form shows and the version a save names; null when no statement has the key.</summary>
    public async Task<StatementForEdit?> FindForEditAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var statement = await db.Statements.AsNoTracking().Include(s => s.Actor).Include(s => s.Topics).Include(s => s.Evidence).Include(s => s.Meeting)
            .FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (statement is null) return null;
        var codings = await db.Codings.AsNoTracking().Where(c => c.StatementId == statement.Id).OrderBy(c => c.Question.Slug).ThenBy(c => c.Coder.Key)
            .Select(c => new CodingForEdit(c.Question.Slug, c.Question.Title, c.Position, c.Qualifier, c.Coder.Key, c.Coder.DisplayName))
            .ToListAsync(cancellationToken);
        return StatementEditReads.From(statement, codings);
    }

    /// <summary>Every matching row in the filter's order, streamed (for CSV); paging is ignored. Nothing for an invalid filter.</summary>
    public async IAsyncEnumerable<StatementRow> StreamAsync(ResolvedStatementFilter resolved, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!resolved.IsValid) yield break;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Project(Sort(Filter(db, resolved), resolved.Filter.Sort)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row;
    }

    /// <summary>How the filtered statements split by coded position on the filter's question (null without one, or for an invalid filter).</summary>
    public async Task<PositionSplit?> SplitAsync(ResolvedStatementFilter resolved, CancellationToken cancellationToken)
    {
        if (!resolved.IsValid || resolved.Keys.QuestionId is not { } questionId) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, resolved);
        var counts = await db.Codings.AsNoTracking()
            .Where(c => c.QuestionId == questionId && query.Select(s => s.Id).Contains(c.StatementId))
            .GroupBy(c => c.Position)
            .Select(g => new { Position = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Position, g => g.Count, cancellationToken);
        return new PositionSplit(resolved.Filter.Question!, counts);
    }

    /// <summary>
    /// The newest statements said by <paramref name="asOf"/> and public by <paramref name="knownAt"/> (the same rule as
    /// the stance engine: known from its earliest evidencing document, else from its own date), newest first.
    /// </summary>
    public async Task<IReadOnlyList<StatementRow>> LatestAsync(DateOnly asOf, DateOnly knownAt, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Statements.AsNoTracking().Where(s => s.Date <= asOf && (s.KnownFrom ?? s.Date) <= knownAt);
        return await Project(Sort(query, StatementSort.DateDescending).Take(count)).ToListAsync(cancellationToken);
    }

    /// <summary>The summaries of the given statements, by key (for the tooltips of a chart's points: thousands for a busy actor).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SummariesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The keys as one array parameter: EF Core 10 otherwise sends one parameter per key, a new command text for every
        // count, that SQLite parses afresh (5,700 keys: 250 ms, against 50 ms as one parameter).
        return await db.Statements.AsNoTracking().Where(s => EF.Parameter(keys).Contains(s.Key)).Select(s => new { s.Key, s.Summary }).ToDictionaryAsync(s => s.Key, s => s.Summary, cancellationToken);
    }

    /// <summary>
    /// Every annotation evidencing the given statements, in statement then text order, each with its document and the
    /// sentence around the quote, so a page can show the exact words highlighted where they were said.
    /// </summary>
    public async Task<IReadOnlyList<EvidenceSpan>> EvidenceSpansAsync(IReadOnlyCollection<string> statementKeys, CancellationToken cancellationToken)
    {
        if (statementKeys.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var spans = await db.Statements.AsNoTracking().Where(s => statementKeys.Contains(s.Key))
            .SelectMany(s => s.Evidence, (s, a) => new { Statement = s.Key, a.DocumentId, a.Start, a.End, a.Exact })
            .ToListAsync(cancellationToken);
        var documentIds = spans.Select(s => s.DocumentId).Distinct().ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Key, d.Title, d.PublishedOn, d.Text }).ToDictionaryAsync(d => d.Id, cancellationToken);
        return spans.OrderBy(s => s.Statement, StringComparer.Ordinal).ThenBy(s => documents[s.DocumentId].Key, StringComparer.Ordinal).ThenBy(s => s.Start)
            .Select(s =>
            {
                var document = documents[s.DocumentId];
                var (before, after) = EvidenceSpan.SentenceAround(document.Text, s.Start, s.End);
                return new EvidenceSpan(s.Statement, document.Key, document.Title, document.PublishedOn, s.Start, s.End, s.Exact, before, after);
            })
            .ToList();
    }

    private IQueryable<Statement> Filter(AppDbContext db, ResolvedStatementFilter resolved)
    {
        var (filter, keys) = resolved;
        var query = (string.IsNullOrWhiteSpace(filter.Text) ? db.Statements : textSearch.Matching(db, filter.Text)).AsNoTracking();
        if (keys.ActorId is { } actorId) query = query.Where(s => s.ActorId == actorId);
        // Topic and question alone (or with dates) as "Id IN (statements tagged / coded so)": the database starts from
        // the topic's or question's index instead of testing every statement (the query-plan guard). Beside an actor or
        // a text, which narrow the list far more, as "EXISTS a link" tested per candidate through the link's primary
        // key: collecting every statement under a broad topic first took ~1 s at 1M for a page of a few hundred.
        var narrowed = keys.ActorId is not null || !string.IsNullOrWhiteSpace(filter.Text);
        if (keys.TopicIds is { } topicIds)
        {
            var links = db.Set<Dictionary<string, object>>("StatementTopics").Where(link => topicIds.Contains(EF.Property<int>(link, "TopicsId")));
            query = narrowed
                ? query.Where(s => links.Any(link => EF.Property<int>(link, "StatementId") == s.Id))
                : query.Where(s => links.Select(link => EF.Property<int>(link, "StatementId")).Contains(s.Id));
        }
        if (keys.QuestionId is { } questionId)
        {
            var codings = db.Codings.Where(c => c.QuestionId == questionId);
            query = narrowed ? query.Where(s => codings.Any(c => c.StatementId == s.Id)) : query.Where(s => codings.Select(c => c.StatementId).Contains(s.Id));
        }
        if (filter.Kind is { } kind) query = query.Where(s => s.Kind == kind);
        if (filter.Credibility is { } credibility) query = query.Where(s => s.Credibility == credibility);
        if (filter.From is { } start) query = query.Where(s => s.Date >= start);
        if (filter.To is { } end) query = query.Where(s => s.Date <= end);
        return query;
    }

    /// <summary>
    /// Up to this many matches, the page is counted and cut from all of them here instead of by the database's ORDER BY
    /// … LIMIT. Asked for the newest few, PostgreSQL may walk the date index from the newest statement and test each for
    /// the text and the actor, a plan for matches spread evenly over time; an actor's words about one battle cluster in
    /// one year, so at 1M it read 780k statements for 50 (0.7 s). The matches' sort keys are one read by the plan a count
    /// takes (the text's and the actor's indexes together), which also counts them: a few thousand small rows at most.
    /// </summary>
    internal int SortedHereUpTo { get; init; } = 5_000;

    /// <summary>What a page is sorted and cut by, with the statement's id (the actor-name order is left to the database).</summary>
    private sealed record PageKey(int Id, string Key, DateOnly Date, Sources.Credibility Credibility);

    private static readonly Expression<Func<Statement, PageKey>> ToPageKey = s => new PageKey(s.Id, s.Key, s.Date, s.Credibility);

    /// <summary><see cref="Sort"/>'s orders, for keys read into memory (keys are slugs: ordinal order is the databases' byte order).</summary>
    private static IEnumerable<PageKey> SortHere(List<PageKey> keys, StatementSort sort) => sort switch
    {
        StatementSort.DateAscending => keys.OrderBy(k => k.Date).ThenBy(k => k.Key, StringComparer.Ordinal),
        StatementSort.Credibility => keys.OrderBy(k => k.Credibility).ThenByDescending(k => k.Date).ThenBy(k => k.Key, StringComparer.Ordinal),
        _ => keys.OrderByDescending(k => k.Date).ThenBy(k => k.Key, StringComparer.Ordinal),
    };

    private static IQueryable<Statement> Sort(IQueryable<Statement> query, StatementSort sort) => sort switch
    {
        StatementSort.DateAscending => query.OrderBy(s => s.Date).ThenBy(s => s.Key),
        StatementSort.Actor => query.OrderBy(s => s.Actor.Name).ThenByDescending(s => s.Date).ThenBy(s => s.Key),
        StatementSort.Credibility => query.OrderBy(s => s.Credibility).ThenByDescending(s => s.Date).ThenBy(s => s.Key),
        _ => query.OrderByDescending(s => s.Date).ThenBy(s => s.Key),
    };

    internal static IQueryable<StatementRow> Project(IQueryable<Statement> query) => query.Select(s => new StatementRow(
        s.Key, new Dates.PartialDate(s.Date, s.DatePrecision), s.Actor.Slug, s.Actor.Name, s.Kind, s.Summary, s.Credibility, s.SourceGrade,
        s.Evidence.OrderBy(a => a.Start).Select(a => a.Exact).FirstOrDefault(),
        s.Evidence.OrderBy(a => a.Start).Select(a => a.Document.Key).FirstOrDefault(),
        s.Meeting != null ? s.Meeting.Key : null, s.Meeting != null ? s.Meeting.Title : null,
        s.Codings.OrderBy(c => c.Question.Slug).Select(c => new StatementCodingSummary(c.Question.Slug, c.Position, c.Qualifier, c.Coder.DisplayName)).ToList()));
}
