using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Suggestions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Sources;

public sealed record CreateDocumentRequest(string Title, string Text, string? Outlet = null, string? Url = null, DateOnly? PublishedOn = null,
    string? Language = null);

public sealed record CreatedDocument(string Key, string Sha256);

public sealed record CreateAnnotationRequest(int Start, int End, string Exact, string? Note = null, IReadOnlyList<string>? Tags = null, string? Translation = null);

public sealed record CreatedAnnotation(string Key, int Start, int End, string Exact, string Prefix, string Suffix);

/// <summary>
/// A document's new metadata. The text is immutable (annotations point into it, its hash is its identity): it may be
/// sent back as read, but a different text is refused; add it as a new document.
/// </summary>
public sealed record EditDocumentRequest(string Title, string? Outlet = null, string? Url = null, DateOnly? PublishedOn = null, string? Language = null,
    string? ReliabilityOverride = null, string? ReliabilityReason = null, string? Text = null);

/// <summary>A document's metadata as it stands after a write, or as someone else left it when a stale save is refused.</summary>
public sealed record DocumentVersion(string Id, int Version, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language,
    string? ReliabilityOverride, string? ReliabilityReason, string Sha256, string? UpdatedBy);

/// <summary>
/// An annotation's new note, tags and translation. The span is immutable (statements cite it as evidence): start, end
/// and exact may be sent back as read, but a different span is refused; delete the annotation and annotate again.
/// </summary>
public sealed record EditAnnotationRequest(string? Note = null, IReadOnlyList<string>? Tags = null, string? Translation = null,
    int? Start = null, int? End = null, string? Exact = null);

/// <summary>An annotation as it stands after a write, or as someone else left it when a stale save is refused.</summary>
public sealed record AnnotationVersion(string Id, string Document, int Version, int Start, int End, string Exact, string? Note, IReadOnlyList<string> Tags,
    string? Translation, string? UpdatedBy);

/// <summary>
/// Adds source documents (stored once, immutably, keyed by their hash) and annotations on them, each checked against
/// the stored text: a quote that does not match says what the text there is. Only metadata, notes, tags and
/// translations are edited afterwards, each checked against the version the user read. A document or annotation that
/// live statements cite as evidence cannot be deleted.
/// </summary>
public sealed class DocumentService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<DocumentService> logger,
    SuggestionService? suggestions = null)
{
    /// <summary>
    /// The same text sent twice at once is stored once; the other request gets the 409 naming it, as it would later.
    /// Every way of adding a document comes through here, so here its suggestions are computed (a failure there is
    /// logged and leaves the document stored: the analyst can recompute them from the reader).
    /// </summary>
    public async Task<WriteResult<CreatedDocument>> CreateAsync(CreateDocumentRequest request, Editor editor, CancellationToken cancellationToken)
    {
        var result = await UniqueKeys.RetryOnClashAsync(() => CreateOnceAsync(request, editor, cancellationToken));
        if (result.Succeeded && suggestions is not null) await SuggestAsync(result.Value!.Key, cancellationToken);
        return result;
    }

    private async Task SuggestAsync(string documentKey, CancellationToken cancellationToken)
    {
        try
        {
            await suggestions!.ComputeAsync(documentKey, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Could not compute suggestions for document {Document}", documentKey);
        }
    }

    private async Task<WriteResult<CreatedDocument>> CreateOnceAsync(CreateDocumentRequest request, Editor editor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Required(errors, "text", request.Text, InputRules.MaxDocumentText, "The text");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outlet = await CheckMetadataAsync(db, errors, request.Title, request.Outlet, request.Url, request.PublishedOn, request.Language, cancellationToken);
        if (errors.Any) return WriteResult<CreatedDocument>.Invalid(errors.ToDictionary());

        var text = DocumentText.Normalize(request.Text);
        var sha = DocumentText.Sha256(text);
        var existing = await db.Documents.IgnoreQueryFilters().Where(d => d.Sha256 == sha).Select(d => d.Key).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Set<Ingest.DocumentRevision>().Where(r => r.Sha256 == sha).Select(r => r.Document.Key).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) return WriteResult<CreatedDocument>.Duplicate(existing);

        var document = new Document
        {
            Key = DocumentText.KeyOf(sha), Sha256 = sha, Text = text, Title = request.Title.Trim(), Outlet = outlet, Url = request.Url,
            PublishedOn = request.PublishedOn, RetrievedOn = Today, Language = request.Language,
        };
        db.Documents.Add(document);
        await Ingest.NearDuplicates.IndexAsync(db, document, clock.GetUtcNow(), cancellationToken);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<CreatedDocument>.Ok(new CreatedDocument(document.Key, sha));
    }

    public async Task<WriteResult<CreatedAnnotation>> AnnotateAsync(string documentKey, CreateAnnotationRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (built, errors) = await BuildAnnotationAsync(db, documentKey, request, cancellationToken);
        if (errors is null) return WriteResult<CreatedAnnotation>.NotFound();
        if (errors.Any) return WriteResult<CreatedAnnotation>.Invalid(errors.ToDictionary());
        var annotation = built!;

        db.Annotations.Add(annotation);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<CreatedAnnotation>.Ok(new CreatedAnnotation(annotation.Key, annotation.Start, annotation.End, annotation.Exact, annotation.Prefix, annotation.Suffix));
    }

    /// <summary>Checks a selection as <see cref="AnnotateAsync"/> would, and stores nothing: the errors, or none.</summary>
    public async Task<WriteResult<bool>> CheckAnnotationAsync(string documentKey, CreateAnnotationRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (_, errors) = await BuildAnnotationAsync(db, documentKey, request, cancellationToken);
        if (errors is null) return WriteResult<bool>.NotFound();
        return errors.Any ? WriteResult<bool>.Invalid(errors.ToDictionary()) : WriteResult<bool>.Ok(true);
    }

    /// <summary>
    /// A new annotation on the document, checked against its text and not yet added to <paramref name="db"/>; null
    /// errors when there is no such document. Shared with writes that store an annotation together with something else.
    /// </summary>
    internal static async Task<(Annotation? Annotation, FieldErrors? Errors)> BuildAnnotationAsync(AppDbContext db, string documentKey,
        CreateAnnotationRequest request, CancellationToken cancellationToken)
    {
        var document = await db.Documents.Include(d => d.Outlet).FirstOrDefaultAsync(d => d.Key == documentKey, cancellationToken);
        if (document is null) return (null, null);
        var errors = new FieldErrors();
        InputRules.Required(errors, "exact", request.Exact, InputRules.MaxQuote, "The quote");
        InputRules.Optional(errors, "note", request.Note, InputRules.MaxNote, "The note");
        InputRules.Optional(errors, "translation", request.Translation, InputRules.MaxTranslation, "The translation");
        InputRules.List(errors, "tags", request.Tags, InputRules.MaxTags, InputRules.MaxTag, "The tags", "A tag");
        if (!errors.Any && DocumentText.CheckSpan(document.Text, request.Start, request.End, request.Exact) is { } problem)
            errors.Add(request.Start < 0 || request.End > document.Text.Length || request.Start >= request.End ? "end" : "exact", problem);
        if (errors.Any) return (null, errors);

        return (new Annotation
        {
            Key = ShortKey.New(), Document = document, Start = request.Start, End = request.End, Exact = request.Exact,
            Prefix = DocumentText.PrefixAt(document.Text, request.Start), Suffix = DocumentText.SuffixAt(document.Text, request.End),
            Note = request.Note, Tags = Tags(request.Tags), Translation = request.Translation, Revision = document.Revision,
        }, errors);
    }

    public async Task<WriteResult<DocumentVersion>> UpdateAsync(string documentKey, int expectedVersion, EditDocumentRequest request, Editor editor,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.Include(d => d.Outlet).FirstOrDefaultAsync(d => d.Key == documentKey, cancellationToken);
        if (document is null) return WriteResult<DocumentVersion>.NotFound();
        if (document.Version != expectedVersion) return Conflict(document, editor);
        var errors = new FieldErrors();
        var outlet = await CheckMetadataAsync(db, errors, request.Title, request.Outlet, request.Url, request.PublishedOn, request.Language, cancellationToken);
        SourceGrade? grade = null;
        if (request.ReliabilityOverride is { Length: > 0 } letter)
        {
            if (Enum.TryParse<SourceGrade>(letter, ignoreCase: false, out var parsed) && letter.Length == 1) grade = parsed;
            else errors.Add("reliabilityOverride", $"\"{letter}\" is not an Admiralty reliability grade: use a letter A-F.");
            InputRules.Required(errors, "reliabilityReason", request.ReliabilityReason, InputRules.MaxReason, "The reason for overriding the outlet's grade");
        }
        if (request.Text is { } text && DocumentText.Normalize(text) != document.Text)
            errors.Add("text", "A document's text cannot be changed: annotations point into it and its hash is its identity. Add the new text as a new document.");
        if (errors.Any) return WriteResult<DocumentVersion>.Invalid(errors.ToDictionary());

        document.Title = request.Title.Trim();
        document.Outlet = outlet;
        document.Url = string.IsNullOrWhiteSpace(request.Url) ? null : request.Url;
        document.PublishedOn = request.PublishedOn;
        document.Language = string.IsNullOrWhiteSpace(request.Language) ? null : request.Language.Trim();
        document.ReliabilityOverride = grade;
        document.ReliabilityReason = grade is null ? null : request.ReliabilityReason!.Trim();
        db.EditedBy(editor);
        if (!await db.SaveIfAtVersionAsync(document, expectedVersion, cancellationToken))
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return Conflict(await fresh.Documents.AsNoTracking().Include(d => d.Outlet).FirstAsync(d => d.Key == documentKey, cancellationToken), editor);
        }
        return WriteResult<DocumentVersion>.Ok(ToVersion(document));
    }

    /// <summary>Soft-deletes the document (its annotations are hidden with it), but not while live statements cite it.</summary>
    public async Task<WriteResult<DocumentVersion>> DeleteAsync(string documentKey, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.Include(d => d.Outlet).FirstOrDefaultAsync(d => d.Key == documentKey, cancellationToken);
        if (document is null) return WriteResult<DocumentVersion>.NotFound();
        if (await CitingStatementsAsync(db, db.Annotations.Where(a => a.DocumentId == document.Id).Select(a => a.Id), cancellationToken) is { Count: > 0 } citing)
            return WriteResult<DocumentVersion>.InUse(InUseMessage("This document", citing));
        if (!await db.SaveDeletedAsync(document, deleted: true, editor, clock.GetUtcNow(), cancellationToken)) return WriteResult<DocumentVersion>.NotFound();
        return WriteResult<DocumentVersion>.Ok(ToVersion(document));
    }

    public async Task<WriteResult<DocumentVersion>> RestoreAsync(string documentKey, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.IgnoreQueryFilters().Include(d => d.Outlet).FirstOrDefaultAsync(d => d.Key == documentKey && d.DeletedAt != null, cancellationToken);
        if (document is null) return WriteResult<DocumentVersion>.NotFound();
        if (!await db.SaveDeletedAsync(document, deleted: false, editor, clock.GetUtcNow(), cancellationToken)) return WriteResult<DocumentVersion>.NotFound();
        return WriteResult<DocumentVersion>.Ok(ToVersion(document));
    }

    public async Task<WriteResult<AnnotationVersion>> UpdateAnnotationAsync(string documentKey, string annotationKey, int expectedVersion,
        EditAnnotationRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await FindAnnotationAsync(db, documentKey, annotationKey, deleted: false, cancellationToken);
        if (annotation is null) return WriteResult<AnnotationVersion>.NotFound();
        if (annotation.Version != expectedVersion) return Conflict(annotation, editor);
        var errors = new FieldErrors();
        InputRules.Optional(errors, "note", request.Note, InputRules.MaxNote, "The note");
        InputRules.Optional(errors, "translation", request.Translation, InputRules.MaxTranslation, "The translation");
        InputRules.List(errors, "tags", request.Tags, InputRules.MaxTags, InputRules.MaxTag, "The tags", "A tag");
        if ((request.Start ?? annotation.Start) != annotation.Start || (request.End ?? annotation.End) != annotation.End
            || (request.Exact ?? annotation.Exact) != annotation.Exact)
            errors.Add("span", $"An annotation's span cannot be changed (it is {annotation.Start}..{annotation.End}, \"{annotation.Exact}\"): statements cite it as evidence. Delete it and annotate the new span.");
        if (errors.Any) return WriteResult<AnnotationVersion>.Invalid(errors.ToDictionary());

        annotation.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note;
        annotation.Tags = Tags(request.Tags);
        annotation.Translation = string.IsNullOrWhiteSpace(request.Translation) ? null : request.Translation;
        db.EditedBy(editor);
        if (!await db.SaveIfAtVersionAsync(annotation, expectedVersion, cancellationToken))
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return Conflict((await FindAnnotationAsync(fresh, documentKey, annotationKey, deleted: false, cancellationToken))!, editor);
        }
        return WriteResult<AnnotationVersion>.Ok(ToVersion(annotation));
    }

    /// <summary>Soft-deletes the annotation, but not while live statements cite it as evidence.</summary>
    public async Task<WriteResult<AnnotationVersion>> DeleteAnnotationAsync(string documentKey, string annotationKey, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await FindAnnotationAsync(db, documentKey, annotationKey, deleted: false, cancellationToken);
        if (annotation is null) return WriteResult<AnnotationVersion>.NotFound();
        if (await CitingStatementsAsync(db, db.Annotations.Where(a => a.Id == annotation.Id).Select(a => a.Id), cancellationToken) is { Count: > 0 } citing)
            return WriteResult<AnnotationVersion>.InUse(InUseMessage("This annotation", citing));
        return await SetAnnotationDeletedAsync(db, annotation, deleted: true, editor, cancellationToken);
    }

    public async Task<WriteResult<AnnotationVersion>> RestoreAnnotationAsync(string documentKey, string annotationKey, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var annotation = await FindAnnotationAsync(db, documentKey, annotationKey, deleted: true, cancellationToken);
        if (annotation is null) return WriteResult<AnnotationVersion>.NotFound();
        return await SetAnnotationDeletedAsync(db, annotation, deleted: false, editor, cancellationToken);
    }

    private async Task<WriteResult<AnnotationVersion>> SetAnnotationDeletedAsync(AppDbContext db, Annotation annotation, bool deleted, Editor editor,
        CancellationToken cancellationToken)
    {
        if (!await db.SaveDeletedAsync(annotation, deleted, editor, clock.GetUtcNow(), cancellationToken)) return WriteResult<AnnotationVersion>.NotFound();
        return WriteResult<AnnotationVersion>.Ok(ToVersion(annotation));
    }

    /// <summary>The annotation on a live document (an annotation of a deleted document is not found: restore the document first).</summary>
    private static async Task<Annotation?> FindAnnotationAsync(AppDbContext db, string documentKey, string annotationKey, bool deleted, CancellationToken cancellationToken)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == documentKey, cancellationToken);
        if (document is null) return null;
        return await db.Annotations.IgnoreQueryFilters()
            .FirstOrDefaultAsync(a => a.DocumentId == document.Id && a.Key == annotationKey && (a.DeletedAt != null) == deleted, cancellationToken);
    }

    private static Task<List<string>> CitingStatementsAsync(AppDbContext db, IQueryable<int> annotationIds, CancellationToken cancellationToken) =>
        db.Statements.Where(s => s.Evidence.Any(e => annotationIds.Contains(e.Id))).OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(cancellationToken);

    private static string InUseMessage(string what, List<string> statements) =>
        $"{what} is the evidence of {statements.Count} statement{(statements.Count == 1 ? "" : "s")} ({RecordEdits.List(statements)}); delete them or cite other evidence first.";

    private async Task<Outlet?> CheckMetadataAsync(AppDbContext db, FieldErrors errors, string? title, string? outletSlug, string? url, DateOnly? publishedOn,
        string? language, CancellationToken cancellationToken)
    {
        InputRules.Required(errors, "title", title, InputRules.MaxTitle, "The title");
        InputRules.Date(errors, "publishedOn", publishedOn, Today, "The publication date");
        InputRules.Url(errors, "url", url);
        InputRules.Optional(errors, "language", language, InputRules.MaxLanguage, "The language tag");
        if (outletSlug is not { Length: > 0 }) return null;
        var outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Slug == outletSlug, cancellationToken);
        if (outlet is null) errors.Add("outlet", $"No outlet has the key \"{outletSlug}\".");
        return outlet;
    }

    private WriteResult<DocumentVersion> Conflict(Document current, Editor editor)
    {
        logger.LogWarning("Refused a stale save of document {DocumentKey} by {User}: it is at version {Version}", current.Key, editor.UserName, current.Version);
        return WriteResult<DocumentVersion>.Conflict(ToVersion(current));
    }

    private WriteResult<AnnotationVersion> Conflict(Annotation current, Editor editor)
    {
        logger.LogWarning("Refused a stale save of annotation {AnnotationKey} by {User}: it is at version {Version}", current.Key, editor.UserName, current.Version);
        return WriteResult<AnnotationVersion>.Conflict(ToVersion(current));
    }

    /// <summary>Tags as stored, whichever path they come in by: trimmed, without blanks or repeats.</summary>
    private static List<string> Tags(IReadOnlyList<string>? tags) =>
        tags?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList() ?? [];

    private static DocumentVersion ToVersion(Document d) => new(d.Key, d.Version, d.Title, d.Outlet?.Slug, d.Url, d.PublishedOn, d.Language,
        d.ReliabilityOverride?.ToString(), d.ReliabilityReason, d.Sha256, d.UpdatedBy);

    private static AnnotationVersion ToVersion(Annotation a) => new(a.Key, a.Document.Key, a.Version, a.Start, a.End, a.Exact, a.Note, a.Tags, a.Translation, a.UpdatedBy);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
