using AlliancePositions.Core.Data;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Ingest;

/// <summary>A revision of a document: its number, hash, length and when it was retrieved; the current one is last.</summary>
public sealed record RevisionSummary(int Number, string Sha256, int Length, DateOnly? RetrievedOn, bool Current);

/// <summary>A revision's text exactly as stored, with the annotations that live on it.</summary>
public sealed record RevisionText(string Document, int Number, int CurrentRevision, string Sha256, string Text, IReadOnlyList<RevisionAnnotation> Annotations);

public sealed record RevisionAnnotation(string Key, int Start, int End, string Exact, AnnotationAnchor Anchor);

/// <summary>An annotation that could not be moved to its document's new revision, waiting to be placed or dismissed.</summary>
public sealed record OrphanRow(string Key, string Document, string DocumentTitle, int Revision, int CurrentRevision, int Start, int End, string Exact,
    string Prefix, string Suffix, string? Note, int Statements);

public sealed class RevisionQueries(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<RevisionSummary>?> ListAsync(string documentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Documents.AsNoTracking().Where(d => d.Key == documentKey)
            .Select(d => new RevisionSummary(d.Revision, d.Sha256, d.Text.Length, d.RetrievedOn, true)).FirstOrDefaultAsync(cancellationToken);
        if (current is null) return null;
        var older = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.Document.Key == documentKey).OrderBy(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Sha256, r.Text.Length, r.RetrievedOn, false)).ToListAsync(cancellationToken);
        return [.. older, current];
    }

    /// <summary>Revision <paramref name="number"/> of the document, current or superseded; null when there is no such revision.</summary>
    public async Task<RevisionText?> FindAsync(string documentKey, int number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().Where(d => d.Key == documentKey)
            .Select(d => new { d.Id, d.Revision, d.Sha256, Text = d.Revision == number ? d.Text : null }).FirstOrDefaultAsync(cancellationToken);
        if (document is null) return null;
        var (sha, text) = (document.Sha256, document.Text);
        if (number != document.Revision)
        {
            var old = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.DocumentId == document.Id && r.Number == number)
                .Select(r => new { r.Sha256, r.Text }).FirstOrDefaultAsync(cancellationToken);
            if (old is null) return null;
            (sha, text) = (old.Sha256, old.Text);
        }
        var annotations = await db.Annotations.AsNoTracking().Where(a => a.DocumentId == document.Id && a.Revision == number)
            .OrderBy(a => a.Start).ThenBy(a => a.End)
            .Select(a => new RevisionAnnotation(a.Key, a.Start, a.End, a.Exact, a.Anchor)).ToListAsync(cancellationToken);
        return new RevisionText(documentKey, number, document.Revision, sha, text!, annotations);
    }

    /// <summary>The documents linked to this one as near-duplicates (the same story elsewhere), most similar first; null when there is no such document.</summary>
    public async Task<IReadOnlyList<NearDuplicateView>?> NearDuplicatesAsync(string documentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.Documents.Where(d => d.Key == documentKey).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await NearDuplicates.ForAsync(db, id.Value, cancellationToken);
    }

    /// <summary>One orphaned annotation, or null when there is none by that key (or it is no longer orphaned).</summary>
    public async Task<OrphanRow?> FindOrphanAsync(string annotationKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Annotations.AsNoTracking().Where(a => a.Key == annotationKey && a.Anchor == AnnotationAnchor.Orphaned)
            .Select(a => new OrphanRow(a.Key, a.Document.Key, a.Document.Title, a.Revision, a.Document.Revision, a.Start, a.End, a.Exact, a.Prefix, a.Suffix,
                a.Note, db.Statements.Count(s => s.Evidence.Any(e => e.Id == a.Id))))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Orphaned annotations, oldest first, paged.</summary>
    public async Task<Page<OrphanRow>> OrphansAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (page, pageSize) = PageLimits.Clamp(page, pageSize);
        var orphans = db.Annotations.AsNoTracking().Where(a => a.Anchor == AnnotationAnchor.Orphaned);
        var total = await orphans.CountAsync(cancellationToken);
        var items = await orphans.OrderBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new OrphanRow(a.Key, a.Document.Key, a.Document.Title, a.Revision, a.Document.Revision, a.Start, a.End, a.Exact, a.Prefix, a.Suffix,
                a.Note, db.Statements.Count(s => s.Evidence.Any(e => e.Id == a.Id))))
            .ToListAsync(cancellationToken);
        return new Page<OrphanRow>(items, total);
    }
}
