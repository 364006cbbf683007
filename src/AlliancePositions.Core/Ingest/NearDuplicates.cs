using AlliancePositions.Core.Data;
using AlliancePositions.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Ingest;

/// <summary>A document that carries the same story as the one being read.</summary>
public sealed record NearDuplicateView(string Key, string Title, string? Outlet, DateOnly? PublishedOn, double Similarity);

/// <summary>
/// Finds and links near-duplicates when a document is added or revised (<see cref="Shingles"/> for the method): the
/// signature and band hashes go into indexed tables, the documents sharing a band are the candidates, and those whose
/// signatures agree at <see cref="Shingles.Threshold"/> or more are linked. Called inside the write that stores the
/// text, so the links commit with it.
/// </summary>
public static class NearDuplicates
{
    public static async Task IndexAsync(AppDbContext db, Document document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (document.Id != 0)
        {
            await db.Set<DocumentShingleBand>().Where(b => b.DocumentId == document.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<DocumentFingerprint>().Where(f => f.DocumentId == document.Id).ExecuteDeleteAsync(cancellationToken);
        }
        if (Shingles.Signature(document.Text) is not { } signature) return;
        var bands = Shingles.BandHashes(signature);
        db.Set<DocumentFingerprint>().Add(new DocumentFingerprint { Document = document, Signature = Shingles.Encode(signature) });
        for (var band = 0; band < bands.Length; band++)
            db.Set<DocumentShingleBand>().Add(new DocumentShingleBand { Document = document, Band = band, Hash = bands[band] });

        var candidates = (await db.Set<DocumentShingleBand>().AsNoTracking().Where(b => bands.Contains(b.Hash) && b.DocumentId != document.Id)
            .Select(b => new { b.DocumentId, b.Band, b.Hash }).ToListAsync(cancellationToken))
            .Where(b => bands[b.Band] == b.Hash).Select(b => b.DocumentId).Distinct().Take(200).ToList();
        if (candidates.Count == 0) return;
        var linked = document.Id == 0 ? [] : await db.Set<NearDuplicate>()
            .Where(n => n.DocumentId == document.Id || n.OtherDocumentId == document.Id)
            .Select(n => n.DocumentId == document.Id ? n.OtherDocumentId : n.DocumentId).ToListAsync(cancellationToken);
        var signatures = await db.Set<DocumentFingerprint>().AsNoTracking().Where(f => candidates.Contains(f.DocumentId))
            .Select(f => new { f.DocumentId, f.Signature }).ToListAsync(cancellationToken);
        foreach (var other in signatures)
        {
            var similarity = Shingles.Similarity(signature, Shingles.Decode(other.Signature));
            if (similarity < Shingles.Threshold || linked.Contains(other.DocumentId)) continue;
            db.Set<NearDuplicate>().Add(new NearDuplicate { Document = document, OtherDocumentId = other.DocumentId, Similarity = similarity, FoundAt = now });
        }
    }

    /// <summary>The documents linked to this one as near-duplicates, most similar first.</summary>
    public static async Task<IReadOnlyList<NearDuplicateView>> ForAsync(AppDbContext db, int documentId, CancellationToken cancellationToken)
    {
        var links = db.Set<NearDuplicate>().AsNoTracking();
        var forward = await links.Where(n => n.DocumentId == documentId)
            .Select(n => new NearDuplicateView(n.OtherDocument.Key, n.OtherDocument.Title, n.OtherDocument.Outlet != null ? n.OtherDocument.Outlet.Name : null,
                n.OtherDocument.PublishedOn, n.Similarity))
            .ToListAsync(cancellationToken);
        var backward = await links.Where(n => n.OtherDocumentId == documentId)
            .Select(n => new NearDuplicateView(n.Document.Key, n.Document.Title, n.Document.Outlet != null ? n.Document.Outlet.Name : null,
                n.Document.PublishedOn, n.Similarity))
            .ToListAsync(cancellationToken);
        return forward.Concat(backward).OrderByDescending(n => n.Similarity).ToList();
    }
}
