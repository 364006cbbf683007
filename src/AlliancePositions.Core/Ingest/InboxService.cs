using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Ingest;

public sealed record InboxRow(int Id, string Document, string Title, string? Outlet, DateOnly? PublishedOn, InboxReason Reason, int Revision, string? Feed,
    DateTimeOffset AddedAt, bool Read);

/// <summary>
/// Documents feeds brought in, waiting for triage: read (stays listed, marked), dismissed (leaves the inbox), or opened
/// to annotate. A document revised while its entry waits has that entry brought up to date rather than a second one.
/// </summary>
public sealed class InboxService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task AddAsync(int documentId, int? feedId, InboxReason reason, int revision, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.Set<InboxEntry>().FirstOrDefaultAsync(e => e.DocumentId == documentId && e.DismissedAt == null, cancellationToken);
        if (entry is null)
        {
            entry = new InboxEntry { DocumentId = documentId, Reason = reason };
            db.Set<InboxEntry>().Add(entry);
        }
        (entry.Reason, entry.FeedId, entry.Revision, entry.AddedAt, entry.ReadAt, entry.ReadBy) = (reason, feedId, revision, clock.GetUtcNow(), null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The entries not dismissed, newest first (by row order: entries are added as they arrive).</summary>
    public async Task<Page<InboxRow>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (page, pageSize) = PageLimits.Clamp(page, pageSize);
        var waiting = db.Set<InboxEntry>().AsNoTracking().Where(e => e.DismissedAt == null);
        var total = await waiting.CountAsync(cancellationToken);
        var items = await waiting.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new InboxRow(e.Id, e.Document.Key, e.Document.Title, e.Document.Outlet != null ? e.Document.Outlet.Name : null, e.Document.PublishedOn,
                e.Reason, e.Revision, e.Feed != null ? (e.Feed.Title ?? e.Feed.Url) : null, e.AddedAt, e.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new Page<InboxRow>(items, total);
    }

    public Task<bool> MarkReadAsync(int id, Editor editor, CancellationToken cancellationToken) =>
        UpdateAsync(id, e => (e.ReadAt, e.ReadBy) = (clock.GetUtcNow(), editor.UserName), cancellationToken);

    public Task<bool> DismissAsync(int id, Editor editor, CancellationToken cancellationToken) =>
        UpdateAsync(id, e => (e.DismissedAt, e.DismissedBy) = (clock.GetUtcNow(), editor.UserName), cancellationToken);

    private async Task<bool> UpdateAsync(int id, Action<InboxEntry> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.Set<InboxEntry>().FirstOrDefaultAsync(e => e.Id == id && e.DismissedAt == null, cancellationToken);
        if (entry is null) return false;
        change(entry);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
