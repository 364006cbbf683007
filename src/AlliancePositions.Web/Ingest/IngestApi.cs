using System.Security.Claims;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Ingest;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using AlliancePositions.Web.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Ingest;

/// <summary>
/// Bringing sources in: fetch an address, upload files (PDF too), read a document's revisions, and the orphans queue of
/// annotations a revision could not move.
/// </summary>
public static class IngestApi
{
    public static RouteGroupBuilder MapIngestApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");
        var writes = documents.MapGroup("").RequireAuthorization(Policies.Analyst);
        writes.MapPost("/fetch", FetchAsync).Accepts<FetchDocumentRequest>("application/json")
            .WithSummary("Fetches an address and stores its article; an address already stored with another text becomes a new revision");
        // Bearer-token only, like every API write (docs/decisions/001), so a cross-site form cannot carry credentials here.
        writes.MapPost("/upload", UploadAsync).Accepts<IFormFile>("multipart/form-data").DisableAntiforgery()
            .WithBodyLimit(UploadedText.MaxPdfBytes + 64 * 1024)
            .WithSummary("Adds a document from a .txt, .md, .html or .pdf file (multipart field \"file\"; optional \"outlet\")");
        var reads = documents.MapGroup("").RequireAuthorization(Policies.Read);
        reads.MapGet("/{id}/revisions", RevisionsAsync).WithSummary("The document's revisions, oldest first; the last is current");
        reads.MapGet("/{id}/near-duplicates", NearDuplicatesAsync).WithSummary("Documents carrying the same story (shingle similarity at or above 0.6), most similar first");
        reads.MapGet("/{id}/revisions/{number:int}", RevisionAsync).WithSummary("A revision's text exactly as stored, its SHA-256 and the annotations on it");

        var annotations = api.MapGroup("/annotations").WithTags("Annotations");
        annotations.MapGet("/orphans", OrphansAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Annotations a revision could not move, waiting to be placed by hand or dismissed");
        var annotationWrites = annotations.MapGroup("").RequireAuthorization(Policies.Analyst);
        annotationWrites.MapPost("/{annotationId}/place", PlaceAsync).Accepts<PlaceAnnotationRequest>("application/json")
            .WithSummary("Places an orphan on a span of its document's current revision");
        annotationWrites.MapPost("/{annotationId}/dismiss", DismissAsync).WithSummary("Leaves an orphan on its old revision for good");
        return api;
    }

    static async Task<IResult> FetchAsync(JsonBody<FetchDocumentRequest> body, IngestService ingest, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await ingest.FetchAsync(body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(Stored);
    }

    static async Task<IResult> UploadAsync(HttpRequest request, IngestService ingest, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as multipart/form-data in the field \"file\"."] });
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        var outlet = form["outlet"].ToString();
        if (file is null || file.Length == 0) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send a file in the multipart field \"file\"."] });
        var limit = Path.GetExtension(file.FileName).Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? UploadedText.MaxPdfBytes : UploadedText.MaxBytes;
        if (file.Length > limit)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"\"{file.FileName}\" is {file.Length:N0} bytes; the limit is {limit:N0}."] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var (text, problem) = UploadedText.Read(file.FileName, buffer.ToArray());
        if (problem is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [problem] });
        var incoming = new IncomingText(text!.Title ?? Path.GetFileNameWithoutExtension(file.FileName), text.Text);
        var result = await ingest.StoreAsync(incoming, string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(), user.ToEditor(), cancellationToken);
        return result.ToHttp(Stored);
    }

    private static IResult Stored(IngestedDocument stored) => stored.Outcome == IngestOutcome.Added
        ? TypedResults.Created($"/api/documents/{stored.Key}", stored)
        : TypedResults.Ok(stored);

    static async Task<Results<Ok<IReadOnlyList<RevisionSummary>>, NotFound>> RevisionsAsync(string id, RevisionQueries revisions, CancellationToken cancellationToken) =>
        await revisions.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<NearDuplicateView>>, NotFound>> NearDuplicatesAsync(string id, RevisionQueries revisions,
        CancellationToken cancellationToken) =>
        await revisions.NearDuplicatesAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    static async Task<Results<Ok<RevisionText>, NotFound>> RevisionAsync(string id, int number, RevisionQueries revisions, CancellationToken cancellationToken) =>
        await revisions.FindAsync(id, number, cancellationToken) is { } revision ? TypedResults.Ok(revision) : TypedResults.NotFound();

    static async Task<Results<Ok<Paged<OrphanRow>>, ValidationProblem>> OrphansAsync([AsParameters] PageQuery paging, RevisionQueries revisions,
        CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(Paged<OrphanRow>.From(await revisions.OrphansAsync(page, pageSize, cancellationToken), o => o));
    }

    static async Task<IResult> PlaceAsync(string annotationId, JsonBody<PlaceAnnotationRequest> body, RevisionService revisions, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        return (await revisions.PlaceAsync(annotationId, body.Value!, user.ToEditor(), cancellationToken)).ToHttp(placed => TypedResults.Ok(placed));
    }

    static async Task<IResult> DismissAsync(string annotationId, RevisionService revisions, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await revisions.DismissAsync(annotationId, user.ToEditor(), cancellationToken)).ToHttp(placed => TypedResults.Ok(placed));
}
