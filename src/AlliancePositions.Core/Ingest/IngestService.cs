using System.Text;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Ingest;

public sealed record FetchDocumentRequest(string Url, string? Outlet = null);

public enum IngestOutcome
{
    /// <summary>A new document.</summary>
    Added,

    /// <summary>The address was stored with another text: the new text is the document's next revision.</summary>
    Revised,

    /// <summary>The address was stored with this very text: nothing changed.</summary>
    Unchanged,
}

/// <summary>What a fetch or upload stored, with what the page said about itself.</summary>
public sealed record IngestedDocument(string Key, IngestOutcome Outcome, int Revision, string Title, DateOnly? PublishedOn, string? Language, string? Url,
    int Moved = 0, int Orphaned = 0);

/// <summary>A fetched source's text, or why there is none, and the validators to send next time.</summary>
public sealed record ReadResult(IncomingText? Text, string? Problem, bool NotModified = false, string? ETag = null, string? LastModified = null);

/// <summary>A source's text and metadata, however it came in (a fetched page, a feed item, an uploaded file).</summary>
public sealed record IncomingText(string? Title, string Text, DateOnly? PublishedOn = null, string? Language = null, string? Url = null,
    IReadOnlyList<string>? OtherAddresses = null);

/// <summary>
/// Brings sources in from outside: fetches an address through <see cref="PageFetcher"/> and extracts its article, and
/// stores any incoming text. A new text goes through <see cref="DocumentService.CreateAsync"/> like a pasted one; a
/// text for an address already stored becomes that document's next revision through <see cref="RevisionService"/>.
/// </summary>
public sealed class IngestService(IDbContextFactory<AppDbContext> contexts, PageFetcher fetcher, DocumentService documents, RevisionService revisions,
    TimeProvider clock)
{
    public async Task<WriteResult<IngestedDocument>> FetchAsync(FetchDocumentRequest request, Editor editor, CancellationToken cancellationToken)
    {
        if (AddressRules.CheckForm(request.Url, out var address) is { } problem) return WriteResult<IngestedDocument>.Invalid("url", problem);
        var read = await ReadAsync(address!, null, null, null, cancellationToken);
        if (read.Problem is not null) return WriteResult<IngestedDocument>.Invalid("url", read.Problem);
        return await StoreAsync(read.Text!, request.Outlet, editor, cancellationToken);
    }

    /// <summary>
    /// The readable text at the address, or a problem worded for the analyst (refused, unreachable, not an article).
    /// <paramref name="fallbackDate"/> is used when the page states no date (a feed item's date, say); the validators,
    /// when given, are sent so an unchanged page answers 304 (<see cref="ReadResult.NotModified"/>).
    /// </summary>
    public async Task<ReadResult> ReadAsync(Uri address, DateOnly? fallbackDate, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        FetchedPage page;
        try
        {
            page = await fetcher.FetchAsync(address, etag, lastModified, cancellationToken);
        }
        catch (AddressRefusedException e)
        {
            return new ReadResult(null, Refusal(e));
        }
        catch (FetchFailedException e)
        {
            return new ReadResult(null, e.Message);
        }
        if (page.NotModified) return new ReadResult(null, null, NotModified: true, page.ETag, page.LastModified);
        var (text, problem) = Read(page, fallbackDate);
        return new ReadResult(text, problem, false, page.ETag, page.LastModified);
    }

    public static string Refusal(AddressRefusedException e) =>
        $"Not fetched: {e.Message} Addresses of this server, private networks, link-local and multicast ranges are refused unless Ingest:AllowedHosts names them.";

    internal static (IncomingText? Text, string? Problem) Read(FetchedPage page, DateOnly? fallbackDate)
    {
        var type = page.MediaType?.ToLowerInvariant() ?? "";
        var address = page.Address.ToString();
        if (type == "application/pdf" || page.Address.AbsolutePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) && type is "" or "application/octet-stream")
        {
            if (PdfText.Extract(page.Body) is not { } pdf) return (null, $"{address} is not a readable PDF.");
            return Found(new IncomingText(pdf.Title, pdf.Text, fallbackDate, null, address), address);
        }
        if (type is "text/plain") return Found(new IncomingText(null, Decode(page), fallbackDate, null, address), address);
        if (type is "" or "text/html" or "application/xhtml+xml")
        {
            var article = ArticleExtractor.Extract(Decode(page), page.Address);
            return Found(new IncomingText(article.Title, article.Text, article.PublishedOn ?? fallbackDate, article.Language, article.CanonicalUrl ?? address,
                [address]), address);
        }
        return (null, $"{address} is {type}, not a web page, PDF or plain text.");
    }

    private static (IncomingText?, string?) Found(IncomingText text, string address) =>
        string.IsNullOrWhiteSpace(text.Text) ? (null, $"No article text was found at {address}.") : (text, null);

    private static string Decode(FetchedPage page)
    {
        var encoding = Encoding.UTF8;
        if (page.Charset is { Length: > 0 } charset)
        {
            try { encoding = Encoding.GetEncoding(charset.Trim('"')); }
            catch (ArgumentException) { /* an unknown charset: UTF-8 is the web's default */ }
        }
        return encoding.GetString(page.Body);
    }

    /// <summary>
    /// Stores the text: a revision of the document already stored at its address (or one of its other addresses), else
    /// a new document. Metadata a page gets wrong (a date in the future, an over-long title) is dropped or shortened
    /// rather than refusing the text.
    /// </summary>
    public async Task<WriteResult<IngestedDocument>> StoreAsync(IncomingText incoming, string? outlet, Editor editor, CancellationToken cancellationToken)
    {
        var addresses = new[] { incoming.Url }.Concat(incoming.OtherAddresses ?? []).OfType<string>().Where(a => a.Length <= InputRules.MaxUrl).Distinct().ToList();
        if (await FindByAddressAsync(addresses, cancellationToken) is { } existing)
        {
            var revised = await revisions.ReviseAsync(existing.Key, incoming.Text, editor, cancellationToken);
            if (!revised.Succeeded) return revised.Status == WriteStatus.Invalid ? WriteResult<IngestedDocument>.Invalid(revised.Errors!) : WriteResult<IngestedDocument>.NotFound();
            var r = revised.Value!;
            return WriteResult<IngestedDocument>.Ok(new IngestedDocument(r.Key, r.Changed ? IngestOutcome.Revised : IngestOutcome.Unchanged, r.Revision,
                existing.Title, existing.PublishedOn, existing.Language, existing.Url, r.Moved, r.Orphaned));
        }

        var title = Shorten(incoming.Title is { Length: > 0 } t ? t : TitleFrom(incoming), InputRules.MaxTitle);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var published = incoming.PublishedOn is { } d && d <= today && d >= InputRules.Earliest ? d : (DateOnly?)null;
        var language = incoming.Language is { Length: > 0 and <= InputRules.MaxLanguage } l ? l : null;
        var url = addresses.FirstOrDefault();
        var created = await documents.CreateAsync(new CreateDocumentRequest(title, incoming.Text, outlet, url, published, language), editor, cancellationToken);
        return created.Status switch
        {
            WriteStatus.Ok => WriteResult<IngestedDocument>.Ok(new IngestedDocument(created.Value!.Key, IngestOutcome.Added, 1, title, published, language, url)),
            WriteStatus.Duplicate => WriteResult<IngestedDocument>.Duplicate(created.ExistingKey!),
            _ => WriteResult<IngestedDocument>.Invalid(created.Errors ?? new Dictionary<string, string[]>()),
        };
    }

    private sealed record StoredAt(string Key, string Title, DateOnly? PublishedOn, string? Language, string? Url);

    private async Task<StoredAt?> FindByAddressAsync(List<string> addresses, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking().Where(d => d.Url != null && addresses.Contains(d.Url)).OrderBy(d => d.Id)
            .Select(d => new StoredAt(d.Key, d.Title, d.PublishedOn, d.Language, d.Url)).FirstOrDefaultAsync(cancellationToken);
    }

    private static string TitleFrom(IncomingText incoming)
    {
        var firstLine = incoming.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return firstLine ?? incoming.Url ?? "Untitled";
    }

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..(max - 1)].TrimEnd() + "…";
}
