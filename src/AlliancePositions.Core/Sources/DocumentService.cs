using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Sources;

public sealed record CreateDocumentRequest(string Title, string Text, string? Outlet = null, string? Url = null, DateOnly? PublishedOn = null,
    string? Language = null);

public sealed record CreatedDocument(string Key, string Sha256);

public sealed record CreateAnnotationRequest(int Start, int End, string Exact, string? Note = null, IReadOnlyList<string>? Tags = null, string? Translation = null);

public sealed record CreatedAnnotation(string Key, int Start, int End, string Exact, string Prefix, string Suffix);

/// <summary>
/// Adds source documents (stored once, immutably, keyed by their hash) and annotations on them, each checked against
/// the stored text: a quote that does not match says what the text there is.
/// </summary>
public sealed class DocumentService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<WriteResult<CreatedDocument>> CreateAsync(CreateDocumentRequest request, Editor editor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Required(errors, "title", request.Title, InputRules.MaxTitle, "The title");
        InputRules.Required(errors, "text", request.Text, InputRules.MaxDocumentText, "The text");
        InputRules.Date(errors, "publishedOn", request.PublishedOn, Today, "The publication date");
        InputRules.Optional(errors, "url", request.Url, 2000, "The URL");
        if (request.Url is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add("url", $"\"{url}\" is not an http or https address.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Outlet? outlet = null;
        if (request.Outlet is { Length: > 0 } outletSlug && (outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Slug == outletSlug, cancellationToken)) is null)
            errors.Add("outlet", $"No outlet has the key \"{outletSlug}\".");
        if (errors.Any) return WriteResult<CreatedDocument>.Invalid(errors.ToDictionary());

        var text = DocumentText.Normalize(request.Text);
        var sha = DocumentText.Sha256(text);
        var existing = await db.Documents.IgnoreQueryFilters().Where(d => d.Sha256 == sha).Select(d => d.Key).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) return WriteResult<CreatedDocument>.Duplicate(existing);

        var document = new Document
        {
            Key = DocumentText.KeyOf(sha), Sha256 = sha, Text = text, Title = request.Title.Trim(), Outlet = outlet, Url = request.Url,
            PublishedOn = request.PublishedOn, RetrievedOn = Today, Language = request.Language,
        };
        db.Documents.Add(document);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<CreatedDocument>.Ok(new CreatedDocument(document.Key, sha));
    }

    public async Task<WriteResult<CreatedAnnotation>> AnnotateAsync(string documentKey, CreateAnnotationRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == documentKey, cancellationToken);
        if (document is null) return WriteResult<CreatedAnnotation>.NotFound();
        var errors = new FieldErrors();
        InputRules.Required(errors, "exact", request.Exact, InputRules.MaxQuote, "The quote");
        InputRules.Optional(errors, "note", request.Note, InputRules.MaxNote, "The note");
        if (!errors.Any && DocumentText.CheckSpan(document.Text, request.Start, request.End, request.Exact) is { } problem)
            errors.Add(request.Start < 0 || request.End > document.Text.Length || request.Start >= request.End ? "end" : "exact", problem);
        if (errors.Any) return WriteResult<CreatedAnnotation>.Invalid(errors.ToDictionary());

        var annotation = new Annotation
        {
            Key = ShortKey.New(), Document = document, Start = request.Start, End = request.End, Exact = request.Exact,
            Prefix = DocumentText.PrefixAt(document.Text, request.Start), Suffix = DocumentText.SuffixAt(document.Text, request.End),
            Note = request.Note, Tags = request.Tags?.ToList() ?? [], Translation = request.Translation,
        };
        db.Annotations.Add(annotation);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<CreatedAnnotation>.Ok(new CreatedAnnotation(annotation.Key, annotation.Start, annotation.End, annotation.Exact, annotation.Prefix, annotation.Suffix));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
