using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Sources;

public sealed record DocumentSummary(string Key, string Title, string? Outlet, DateOnly? PublishedOn, string Sha256, SourceGrade Reliability, int Annotations);

public sealed record AnnotationView(string Key, int Start, int End, string Exact, string Prefix, string Suffix, string? Note,
    IReadOnlyList<string> Tags, string? Translation, IReadOnlyList<string> Statements, int Version, int Revision = 1,
    Ingest.AnnotationAnchor Anchor = Ingest.AnnotationAnchor.Original);

public sealed record EvidencedStatement(string Key, string ActorSlug, string ActorName, PartialDate When, string Summary, IReadOnlyList<string> Annotations);

public sealed record DocumentDetail(string Key, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, DateOnly? RetrievedOn,
    string? Language, IReadOnlyList<string> Cites, SourceGrade Reliability, string? ReliabilityReason, string Text, string Sha256,
    IReadOnlyList<AnnotationView> Annotations, IReadOnlyList<EvidencedStatement> Statements, int Version, string? OutletKey = null,
    SourceGrade? ReliabilityOverride = null, int Revision = 1);

public sealed class DocumentQueries(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<Page<DocumentSummary>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (page, pageSize) = PageLimits.Clamp(page, pageSize);
        var total = await db.Documents.CountAsync(cancellationToken);
        var items = await db.Documents.AsNoTracking().NewestFirst().ThenBy(d => d.Key)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new DocumentSummary(d.Key, d.Title, d.Outlet != null ? d.Outlet.Name : null, d.PublishedOn, d.Sha256,
                d.ReliabilityOverride ?? (d.Outlet != null ? d.Outlet.Reliability : SourceGrade.F), d.Annotations.Count))
            .ToListAsync(cancellationToken);
        return new Page<DocumentSummary>(items, total);
    }

    /// <summary>The document with its text, its annotations in text order, and the statements they evidence.</summary>
    public async Task<DocumentDetail?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => new
        {
            d.Id, d.Key, d.Title, Outlet = d.Outlet != null ? d.Outlet.Name : null, OutletKey = d.Outlet != null ? d.Outlet.Slug : null, d.ReliabilityOverride, d.Url, d.PublishedOn, d.RetrievedOn, d.Language,
            Cites = d.CitedOutlets.Select(o => o.Name).ToList(),
            Reliability = d.ReliabilityOverride ?? (d.Outlet != null ? d.Outlet.Reliability : SourceGrade.F), d.ReliabilityReason, d.Text, d.Sha256, d.Version,
            d.Revision,
        }).FirstOrDefaultAsync(cancellationToken);
        if (document is null) return null;

        // From the document's annotations through the evidence join's primary key (EvidenceId first), so the query reads
        // this document's rows only instead of testing every statement.
        var annotationIds = db.Annotations.Where(a => a.DocumentId == document.Id).Select(a => a.Id);
        var statementIds = db.Set<Dictionary<string, object>>("StatementEvidence")
            .Where(e => annotationIds.Contains(EF.Property<int>(e, "EvidenceId")))
            .Select(e => EF.Property<int>(e, "StatementId"));
        var statements = await db.Statements.AsNoTracking().Where(s => statementIds.Contains(s.Id))
            .OrderBy(s => s.Date).ThenBy(s => s.Key)
            .Select(s => new EvidencedStatement(s.Key, s.Actor.Slug, s.Actor.Name, new PartialDate(s.Date, s.DatePrecision), s.Summary,
                s.Evidence.Where(a => a.DocumentId == document.Id).Select(a => a.Key).ToList()))
            .ToListAsync(cancellationToken);
        var byAnnotation = statements.SelectMany(s => s.Annotations.Select(a => (Annotation: a, Statement: s.Key)))
            .ToLookup(x => x.Annotation, x => x.Statement);
        var annotations = (await db.Annotations.AsNoTracking().Where(a => a.DocumentId == document.Id).OrderBy(a => a.Start).ThenBy(a => a.End)
            .Select(a => new { a.Key, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, a.Note, a.Tags, a.Translation, a.Version, a.Revision, a.Anchor })
            .ToListAsync(cancellationToken))
            .Select(a => new AnnotationView(a.Key, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, a.Note, a.Tags, a.Translation, byAnnotation[a.Key].ToList(), a.Version,
                a.Revision, a.Anchor))
            .ToList();
        return new DocumentDetail(document.Key, document.Title, document.Outlet, document.Url, document.PublishedOn, document.RetrievedOn,
            document.Language, document.Cites, document.Reliability, document.ReliabilityReason, document.Text, document.Sha256,
            annotations, statements, document.Version, document.OutletKey, document.ReliabilityOverride, document.Revision);
    }
}

internal static class DocumentOrder
{
    /// <summary>
    /// Latest publication first, undated documents last. Spelled out because the providers disagree on where NULL goes
    /// in a descending sort (SQLite last, PostgreSQL first).
    /// </summary>
    public static IOrderedQueryable<Document> NewestFirst(this IQueryable<Document> documents) =>
        documents.OrderBy(d => d.PublishedOn == null).ThenByDescending(d => d.PublishedOn);
}
