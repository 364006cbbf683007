using System.Security.Claims;
using AlliancePositions.Core.Sources;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Documents;

public sealed record DocumentListItem(string Id, string Title, string? Outlet, DateOnly? PublishedOn, string Sha256);

/// <summary>
/// An annotation; <c>version</c> is what an edit sends back as If-Match. <c>revision</c> is the revision of the text its
/// offsets point into: the document's current one unless it was orphaned or dismissed when the text changed.
/// </summary>
public sealed record AnnotationJson(string Id, int Start, int End, string Exact, string Prefix, string Suffix, string? Note, IReadOnlyList<string> Tags,
    string? Translation, int Version, int Revision = 1, Core.Ingest.AnnotationAnchor Anchor = Core.Ingest.AnnotationAnchor.Original);

/// <summary>
/// A document with its stored (normalised) text; annotation offsets are UTF-16 code units into it, end exclusive. The
/// metadata fields are those a PUT replaces, in the same shape (outlet by key).
/// </summary>
public sealed record DocumentJson(string Id, string Title, string Sha256, string Text, IReadOnlyList<AnnotationJson> Annotations, string? Outlet,
    string? Url, DateOnly? PublishedOn, string? Language, SourceGrade? ReliabilityOverride, string? ReliabilityReason, int Version, int Revision = 1);

/// <summary>
/// Source documents and their annotations: read, add (a text is stored once), annotate (the quote must match the
/// text), edit metadata and notes with If-Match, delete (unless statements cite them) and restore (Admin).
/// </summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");
        var reads = documents.MapGroup("").RequireAuthorization(Policies.Read);
        reads.MapGet("", ListAsync).WithSummary("Documents, newest first, paged");
        reads.MapGet("/{id}", GetAsync).WithSummary("A document with its text and annotations; its ETag is the version");
        var writes = documents.MapGroup("").RequireAuthorization(Policies.Analyst);
        writes.MapPost("", CreateAsync).Accepts<CreateDocumentRequest>("application/json").WithBodyLimit(BodyLimits.Document)
            .WithSummary("Adds a document; the same text again is a 409 naming the existing document");
        writes.MapPost("/{id}/annotations", AnnotateAsync).Accepts<CreateAnnotationRequest>("application/json")
            .WithSummary("Annotates a span; exact must equal the text at start..end (UTF-16 code units, end exclusive)");
        writes.MapPut("/{id}", UpdateAsync).Accepts<EditDocumentRequest>("application/json")
            .WithSummary("Replaces the document's metadata (never its text); send the ETag you read as If-Match");
        writes.MapDelete("/{id}", DeleteAsync).WithSummary("Deletes the document unless statements cite it (409); an Admin can restore it");
        writes.MapPut("/{id}/annotations/{annotationId}", UpdateAnnotationAsync).Accepts<EditAnnotationRequest>("application/json")
            .WithSummary("Replaces the annotation's note, tags and translation (never its span); send its version as If-Match");
        writes.MapDelete("/{id}/annotations/{annotationId}", DeleteAnnotationAsync)
            .WithSummary("Deletes the annotation unless statements cite it (409); an Admin can restore it");
        var admin = documents.MapGroup("").RequireAuthorization(Policies.Admin);
        admin.MapPost("/{id}/restore", RestoreAsync);
        admin.MapPost("/{id}/annotations/{annotationId}/restore", RestoreAnnotationAsync);
        return api;
    }

    static async Task<Results<Ok<Paged<DocumentListItem>>, ValidationProblem>> ListAsync([AsParameters] PageQuery paging, DocumentQueries documents,
        CancellationToken cancellationToken)
    {
        var (page, pageSize, errors) = paging.Read();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var found = await documents.ListAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(Paged<DocumentListItem>.From(found, d => new DocumentListItem(d.Key, d.Title, d.Outlet, d.PublishedOn, d.Sha256)));
    }

    static async Task<Results<Ok<DocumentJson>, NotFound>> GetAsync(string id, DocumentQueries documents, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } document) return TypedResults.NotFound();
        response.SetETag(document.Version);
        return TypedResults.Ok(new DocumentJson(document.Key, document.Title, document.Sha256, document.Text,
            document.Annotations.Select(a => new AnnotationJson(a.Key, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, a.Note, a.Tags, a.Translation, a.Version,
                a.Revision, a.Anchor)).ToList(),
            document.OutletKey, document.Url, document.PublishedOn, document.Language, document.ReliabilityOverride, document.ReliabilityReason, document.Version,
            document.Revision));
    }

    static async Task<IResult> CreateAsync(JsonBody<CreateDocumentRequest> body, DocumentService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.CreateAsync(body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(created => TypedResults.Created($"/api/documents/{created.Key}", new { id = created.Key, sha256 = created.Sha256 }));
    }

    static async Task<IResult> AnnotateAsync(string id, JsonBody<CreateAnnotationRequest> body, DocumentService service, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.AnnotateAsync(id, body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(created => TypedResults.Created($"/api/documents/{id}",
            new { id = created.Key, start = created.Start, end = created.End, exact = created.Exact, prefix = created.Prefix, suffix = created.Suffix }));
    }

    static async Task<IResult> UpdateAsync(string id, JsonBody<EditDocumentRequest> body, HttpRequest request, DocumentService service, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (WriteResults.IfMatchVersion(request) is not { } version) return WriteResults.PreconditionRequired();
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.UpdateAsync(id, version, body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(updated => WriteResults.Versioned(request.HttpContext.Response, updated, updated.Version));
    }

    static async Task<IResult> DeleteAsync(string id, DocumentService service, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await service.DeleteAsync(id, user.ToEditor(), cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    static async Task<IResult> RestoreAsync(string id, DocumentService service, HttpResponse response, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await service.RestoreAsync(id, user.ToEditor(), cancellationToken)).ToHttp(restored => WriteResults.Versioned(response, restored, restored.Version));

    static async Task<IResult> UpdateAnnotationAsync(string id, string annotationId, JsonBody<EditAnnotationRequest> body, HttpRequest request,
        DocumentService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (WriteResults.IfMatchVersion(request) is not { } version) return WriteResults.PreconditionRequired();
        if (body.Errors is { } errors) return TypedResults.ValidationProblem(errors);
        var result = await service.UpdateAnnotationAsync(id, annotationId, version, body.Value!, user.ToEditor(), cancellationToken);
        return result.ToHttp(updated => WriteResults.Versioned(request.HttpContext.Response, updated, updated.Version));
    }

    static async Task<IResult> DeleteAnnotationAsync(string id, string annotationId, DocumentService service, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        (await service.DeleteAnnotationAsync(id, annotationId, user.ToEditor(), cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    static async Task<IResult> RestoreAnnotationAsync(string id, string annotationId, DocumentService service, HttpResponse response, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        (await service.RestoreAnnotationAsync(id, annotationId, user.ToEditor(), cancellationToken)).ToHttp(restored => WriteResults.Versioned(response, restored, restored.Version));
}
