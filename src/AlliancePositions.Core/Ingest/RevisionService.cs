using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Ingest;

/// <summary>The outcome of a revision: the document's current revision and what happened to its annotations.</summary>
public sealed record RevisedDocument(string Key, int Revision, string Sha256, bool Changed, int Moved, int Orphaned);

/// <summary>Where an orphan goes on the current revision: the span the analyst selected, its exact text.</summary>
public sealed record PlaceAnnotationRequest(int Start, int End, string Exact);

/// <summary>An annotation after it was placed or dismissed.</summary>
public sealed record PlacedAnnotation(string Key, string Document, int Revision, int Start, int End, string Exact, AnnotationAnchor Anchor);

/// <summary>
/// Revisions of a document's text and the annotations they move. A new text of the same document becomes its next
/// revision in one transaction: the text it replaces is kept unchanged with its SHA-256, each annotation on it is moved
/// by <see cref="Reanchoring"/> or, when it cannot be placed above the minimum score, orphaned: it keeps its span on the
/// old revision, the statements citing it keep it as evidence (so stances keep counting it), and it waits in the
/// orphans queue until an analyst places it by hand or dismisses it.
/// </summary>
public sealed class RevisionService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock,
    ILogger<RevisionService> logger)
{
    /// <summary>Stores <paramref name="text"/> as the document's next revision; the same text again changes nothing.</summary>
    public async Task<WriteResult<RevisedDocument>> ReviseAsync(string documentKey, string text, Editor editor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Required(errors, "text", text, InputRules.MaxDocumentText, "The text");
        if (errors.Any) return WriteResult<RevisedDocument>.Invalid(errors.ToDictionary());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == documentKey, cancellationToken);
        if (document is null) return WriteResult<RevisedDocument>.NotFound();

        var normalized = DocumentText.Normalize(text);
        var sha = DocumentText.Sha256(normalized);
        if (sha == document.Sha256) return WriteResult<RevisedDocument>.Ok(new RevisedDocument(document.Key, document.Revision, sha, false, 0, 0));
        if (await db.Documents.IgnoreQueryFilters().Where(d => d.Sha256 == sha && d.Id != document.Id).Select(d => d.Key).FirstOrDefaultAsync(cancellationToken) is { } other)
            return WriteResult<RevisedDocument>.Invalid("text", $"This text is already stored as document {other}; it cannot also be a revision of {document.Key}.");

        var now = clock.GetUtcNow();
        var old = document.Revision;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<DocumentRevision>().Add(new DocumentRevision
        {
            DocumentId = document.Id, Number = old, Text = document.Text, Sha256 = document.Sha256, RetrievedOn = document.RetrievedOn, SupersededAt = now,
        });
        var (moved, orphaned) = await MoveAnnotationsAsync(db, document, normalized, cancellationToken);
        document.Text = normalized;
        document.Sha256 = sha;
        document.Revision = old + 1;
        document.RetrievedOn = DateOnly.FromDateTime(now.UtcDateTime);
        await NearDuplicates.IndexAsync(db, document, now, cancellationToken);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Document {DocumentKey} has revision {Revision}: {Moved} annotations moved, {Orphaned} orphaned",
            document.Key, document.Revision, moved, orphaned);
        return WriteResult<RevisedDocument>.Ok(new RevisedDocument(document.Key, document.Revision, sha, true, moved, orphaned));
    }

    private static async Task<(int Moved, int Orphaned)> MoveAnnotationsAsync(AppDbContext db, Document document, string newText, CancellationToken cancellationToken)
    {
        // Deleted annotations move too, so that one restored later still points into the current text.
        var annotations = await db.Annotations.IgnoreQueryFilters()
            .Where(a => a.DocumentId == document.Id && a.Revision == document.Revision && a.Anchor != AnnotationAnchor.Dismissed)
            .ToListAsync(cancellationToken);
        var (moved, orphaned) = (0, 0);
        foreach (var annotation in annotations)
        {
            if (Reanchoring.Locate(newText, annotation.Start, annotation.End, annotation.Exact, annotation.Prefix, annotation.Suffix) is { } place)
            {
                MoveTo(annotation, newText, place.Start, place.End, document.Revision + 1, place.How);
                moved++;
            }
            else
            {
                annotation.Anchor = AnnotationAnchor.Orphaned;
                if (annotation.DeletedAt is null) orphaned++;
            }
        }
        return (moved, orphaned);
    }

    private static void MoveTo(Annotation annotation, string text, int start, int end, int revision, AnnotationAnchor how)
    {
        annotation.Start = start;
        annotation.End = end;
        annotation.Exact = text[start..end];
        annotation.Prefix = DocumentText.PrefixAt(text, start);
        annotation.Suffix = DocumentText.SuffixAt(text, end);
        annotation.Revision = revision;
        annotation.Anchor = how;
    }

    /// <summary>Places an orphan on the span an analyst selected in the current revision (checked like a new annotation).</summary>
    public async Task<WriteResult<PlacedAnnotation>> PlaceAsync(string annotationKey, PlaceAnnotationRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await db.Annotations.Include(a => a.Document).FirstOrDefaultAsync(a => a.Key == annotationKey, cancellationToken);
        if (annotation is null) return WriteResult<PlacedAnnotation>.NotFound();
        if (annotation.Anchor != AnnotationAnchor.Orphaned)
            return WriteResult<PlacedAnnotation>.Invalid("annotation", $"Annotation {annotationKey} is not orphaned: it is on revision {annotation.Revision} ({annotation.Anchor}).");
        var errors = new FieldErrors();
        InputRules.Required(errors, "exact", request.Exact, InputRules.MaxQuote, "The quote");
        if (!errors.Any && DocumentText.CheckSpan(annotation.Document.Text, request.Start, request.End, request.Exact) is { } problem)
            errors.Add(request.Start < 0 || request.End > annotation.Document.Text.Length || request.Start >= request.End ? "end" : "exact", problem);
        if (errors.Any) return WriteResult<PlacedAnnotation>.Invalid(errors.ToDictionary());

        MoveTo(annotation, annotation.Document.Text, request.Start, request.End, annotation.Document.Revision, AnnotationAnchor.PlacedByHand);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<PlacedAnnotation>.Ok(ToPlaced(annotation));
    }

    /// <summary>Leaves an orphan on its old revision for good: it leaves the queue and stays evidence where it is.</summary>
    public async Task<WriteResult<PlacedAnnotation>> DismissAsync(string annotationKey, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await db.Annotations.Include(a => a.Document).FirstOrDefaultAsync(a => a.Key == annotationKey, cancellationToken);
        if (annotation is null) return WriteResult<PlacedAnnotation>.NotFound();
        if (annotation.Anchor != AnnotationAnchor.Orphaned)
            return WriteResult<PlacedAnnotation>.Invalid("annotation", $"Annotation {annotationKey} is not orphaned: it is on revision {annotation.Revision} ({annotation.Anchor}).");
        annotation.Anchor = AnnotationAnchor.Dismissed;
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<PlacedAnnotation>.Ok(ToPlaced(annotation));
    }

    private static PlacedAnnotation ToPlaced(Annotation a) =>
        new(a.Key, a.Document.Key, a.Revision, a.Start, a.End, a.Exact, a.Anchor);
}
