using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Core.Ingest;

public sealed record SubscribeFeedRequest(string Url, string? Outlet = null, int? IntervalMinutes = null);

public sealed record FeedView(int Id, string Url, string? Title, string? Outlet, int IntervalMinutes, DateTimeOffset? LastPolledAt,
    DateTimeOffset? LastSucceededAt, DateTimeOffset NextPollAt, int FailureCount, string? LastError);

/// <summary>What one poll did with the feed's items; <see cref="Error"/> says why the feed itself could not be read.</summary>
public sealed record PollResult(int Added, int Updated, int Skipped, int Failed, string? Error = null);

/// <summary>
/// RSS and Atom subscriptions. A poll fetches the feed conditionally (ETag / Last-Modified), then each item's article:
/// an item seen before is fetched conditionally too and only a changed text counts (a new revision); a new item is
/// extracted and stored through <see cref="IngestService"/>. What a poll adds or revises enters the inbox. A failed
/// poll backs off: the interval doubles with each failure in a row, up to a day.
/// </summary>
public sealed class FeedService(IDbContextFactory<AppDbContext> contexts, PageFetcher fetcher, IngestService ingest, InboxService inbox,
    IOptions<IngestOptions> options, TimeProvider clock, ILogger<FeedService> logger) : IDisposable
{
    /// <summary>The most items one poll reads: a feed lists its newest; more would make one poll a crawl.</summary>
    public const int MaxItemsPerPoll = 50;

    public static readonly Editor Poller = new("feed poller", null);

    public async Task<WriteResult<FeedView>> SubscribeAsync(SubscribeFeedRequest request, Editor editor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (AddressRules.CheckForm(request.Url, out var address) is { } problem) errors.Add("url", problem);
        else if (address!.ToString().Length > InputRules.MaxUrl) errors.Add("url", $"The address is longer than {InputRules.MaxUrl:N0} characters.");
        var interval = request.IntervalMinutes ?? options.Value.DefaultIntervalMinutes;
        if (interval is < 5 or > 7 * 24 * 60) errors.Add("intervalMinutes", "The interval must be between 5 minutes and a week (10,080 minutes).");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Outlet? outlet = null;
        if (request.Outlet is { Length: > 0 } slug && (outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken)) is null)
            errors.Add("outlet", $"No outlet has the key \"{slug}\".");
        if (!errors.Any && await fetcher.RefusalAsync(address!, cancellationToken) is { } refusal) errors.Add("url", IngestService.Refusal(refusal));
        if (errors.Any) return WriteResult<FeedView>.Invalid(errors.ToDictionary());
        var url = address!.ToString();
        if (await db.Set<Feed>().Where(f => f.Url == url).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
            return WriteResult<FeedView>.Duplicate(existing.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var now = clock.GetUtcNow();
        var feed = new Feed { Url = url, Outlet = outlet, IntervalMinutes = interval, CreatedAt = now, CreatedBy = editor.UserName, NextPollAt = now };
        db.Set<Feed>().Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{User} subscribed to feed {FeedUrl}", editor.UserName, url);
        return WriteResult<FeedView>.Ok(ToView(feed));
    }

    public async Task<IReadOnlyList<FeedView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Feed>().AsNoTracking().OrderBy(f => f.Url).Take(PageLimits.MaxPageSize)
            .Select(f => new FeedView(f.Id, f.Url, f.Title, f.Outlet != null ? f.Outlet.Name : null, f.IntervalMinutes, f.LastPolledAt, f.LastSucceededAt,
                f.NextPollAt, f.FailureCount, f.LastError))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Unsubscribes; the documents the feed brought stay.</summary>
    public async Task<bool> DeleteAsync(int id, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<Feed>().Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted) logger.LogInformation("{User} unsubscribed from feed {FeedId}", editor.UserName, id);
        return deleted;
    }

    /// <summary>Polls every feed that is due, one after another; a failing feed does not stop the others.</summary>
    public async Task<int> PollDueAsync(CancellationToken cancellationToken)
    {
        List<int> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            // DateTimeOffset cannot be compared in SQLite SQL: few feeds exist, so their times are compared here.
            due = (await db.Set<Feed>().AsNoTracking().Select(f => new { f.Id, f.NextPollAt }).ToListAsync(cancellationToken))
                .Where(f => f.NextPollAt <= now).OrderBy(f => f.NextPollAt).Select(f => f.Id).ToList();
        }
        foreach (var id in due) await PollAsync(id, Poller, cancellationToken);
        return due.Count;
    }

    // One poll at a time in this process: the background poller and an analyst's "poll now" never read the same items at once.
    private readonly SemaphoreSlim polling = new(1, 1);

    public async Task<WriteResult<PollResult>> PollAsync(int id, Editor editor, CancellationToken cancellationToken)
    {
        await polling.WaitAsync(cancellationToken);
        try
        {
            return await PollOnceAsync(id, editor, cancellationToken);
        }
        finally
        {
            polling.Release();
        }
    }

    private async Task<WriteResult<PollResult>> PollOnceAsync(int id, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var feed = await db.Set<Feed>().Include(f => f.Outlet).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feed is null) return WriteResult<PollResult>.NotFound();
        var now = clock.GetUtcNow();
        feed.LastPolledAt = now;
        FetchedPage page;
        try
        {
            page = await fetcher.FetchAsync(new Uri(feed.Url), feed.ETag, feed.LastModified, cancellationToken);
        }
        catch (Exception e) when (e is AddressRefusedException or FetchFailedException)
        {
            return WriteResult<PollResult>.Ok(await FailAsync(db, feed, e is AddressRefusedException r ? IngestService.Refusal(r) : e.Message, cancellationToken));
        }
        if (page.NotModified) return WriteResult<PollResult>.Ok(await SucceedAsync(db, feed, page, new PollResult(0, 0, 0, 0), cancellationToken));
        if (FeedParser.Parse(page.Body, page.Address) is not { } parsed)
            return WriteResult<PollResult>.Ok(await FailAsync(db, feed, $"{feed.Url} is not an RSS or Atom feed.", cancellationToken));

        feed.Title = parsed.Title is { } title ? title[..Math.Min(title.Length, InputRules.MaxTitle)] : feed.Title;
        var result = new PollResult(0, 0, 0, 0);
        foreach (var entry in parsed.Entries.Take(MaxItemsPerPoll))
            result = Add(result, await PollItemAsync(db, feed, entry, editor, cancellationToken));
        return WriteResult<PollResult>.Ok(await SucceedAsync(db, feed, page, result, cancellationToken));
    }

    private enum ItemOutcome { Added, Updated, Skipped, Failed }

    private static PollResult Add(PollResult result, ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Added => result with { Added = result.Added + 1 },
        ItemOutcome.Updated => result with { Updated = result.Updated + 1 },
        ItemOutcome.Skipped => result with { Skipped = result.Skipped + 1 },
        _ => result with { Failed = result.Failed + 1 },
    };

    private async Task<ItemOutcome> PollItemAsync(AppDbContext db, Feed feed, FeedEntry entry, Editor editor, CancellationToken cancellationToken)
    {
        var key = entry.Key.Length <= InputRules.MaxUrl ? entry.Key : entry.Link.ToString();
        var item = await db.Set<FeedItem>().FirstOrDefaultAsync(i => i.FeedId == feed.Id && i.ItemKey == key, cancellationToken);
        var known = item?.DocumentId is not null;
        var read = await ingest.ReadAsync(entry.Link, entry.PublishedOn, known ? item!.ETag : null, known ? item!.LastModified : null, cancellationToken);
        if (read.NotModified) return ItemOutcome.Skipped;
        if (read.Problem is not null)
        {
            logger.LogWarning("Feed {FeedId} item {Link} could not be read: {Problem}", feed.Id, entry.Link, read.Problem);
            return ItemOutcome.Failed;
        }
        var incoming = read.Text! with { Title = read.Text!.Title ?? entry.Title };
        var stored = await ingest.StoreAsync(incoming, feed.Outlet?.Slug, editor, cancellationToken);
        if (stored.Status == WriteStatus.Duplicate) return ItemOutcome.Skipped;
        if (!stored.Succeeded)
        {
            logger.LogWarning("Feed {FeedId} item {Link} was not stored: {Errors}", feed.Id, entry.Link,
                string.Join(" ", stored.Errors?.SelectMany(e => e.Value) ?? []));
            return ItemOutcome.Failed;
        }
        var document = stored.Value!;
        var documentId = await db.Documents.Where(d => d.Key == document.Key).Select(d => d.Id).FirstAsync(cancellationToken);
        if (item is null)
        {
            item = new FeedItem { FeedId = feed.Id, ItemKey = key, Link = entry.Link.ToString() };
            db.Set<FeedItem>().Add(item);
        }
        (item.DocumentId, item.ETag, item.LastModified, item.SeenAt) = (documentId, read.ETag, read.LastModified, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (document.Outcome == IngestOutcome.Unchanged) return ItemOutcome.Skipped;
        await inbox.AddAsync(documentId, feed.Id, document.Outcome == IngestOutcome.Added ? InboxReason.Added : InboxReason.Revised, document.Revision,
            cancellationToken);
        return document.Outcome == IngestOutcome.Added ? ItemOutcome.Added : ItemOutcome.Updated;
    }

    private async Task<PollResult> SucceedAsync(AppDbContext db, Feed feed, FetchedPage page, PollResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        (feed.LastSucceededAt, feed.FailureCount, feed.LastError) = (now, 0, null);
        (feed.ETag, feed.LastModified) = (page.ETag, page.LastModified);
        feed.NextPollAt = now.AddMinutes(feed.IntervalMinutes);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Polled feed {FeedId}: {Added} added, {Updated} updated, {Skipped} skipped, {Failed} failed",
            feed.Id, result.Added, result.Updated, result.Skipped, result.Failed);
        return result;
    }

    private async Task<PollResult> FailAsync(AppDbContext db, Feed feed, string error, CancellationToken cancellationToken)
    {
        feed.FailureCount++;
        feed.LastError = error.Length <= 2000 ? error : error[..2000];
        feed.NextPollAt = clock.GetUtcNow() + Backoff(feed.IntervalMinutes, feed.FailureCount);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Polling feed {FeedId} failed ({Failures} in a row): {Error}", feed.Id, feed.FailureCount, error);
        return new PollResult(0, 0, 0, 0, error);
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: the interval doubled each time, at most a day.</summary>
    public static TimeSpan Backoff(int intervalMinutes, int failures) =>
        TimeSpan.FromMinutes(Math.Min(24 * 60, intervalMinutes * Math.Pow(2, Math.Min(failures, 10))));

    public void Dispose() => polling.Dispose();

    private static FeedView ToView(Feed f) => new(f.Id, f.Url, f.Title, f.Outlet?.Name, f.IntervalMinutes, f.LastPolledAt, f.LastSucceededAt, f.NextPollAt,
        f.FailureCount, f.LastError);
}
