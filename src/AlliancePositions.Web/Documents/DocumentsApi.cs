using System.Security.Claims;
using AlliancePositions.Core.Sources;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Documents;

public sealed record DocumentListItem(string Id, string Title, string? Outlet, DateOnly? PublishedOn, string Sha256);

public sealed record AnnotationJson(string Id, int Start, int End, string Exact, string Prefix, string Suffix, string? Note);

/// <summary>A document with its stored (normalised) text; annotation offsets are UTF-16 code units into it, end exclusive.</summary>
public sealed record DocumentJson(string Id, string Title, string Sha256, string Text, IReadOnlyList<AnnotationJson> Annotations);

/// <summary>Source documents and their annotations: read, add (a text is stored once), annotate (the quote must match the text).</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("", ListAsync).RequireAuthorization(Policies.Read).WithSummary("Documents, newest first, paged");
        documents.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Read).WithSummary("A document with its text and annotations; its ETag is the version");
        var writes = documents.MapGroup("").RequireAuthorization(Policies.Analyst);
        writes.MapPost("", CreateAsync).Accepts<CreateDocumentRequest>("application/json")
            .WithSummary("Adds a document; the same text again is a 409 naming the existing document");
        writes.MapPost("/{id}/annotations", AnnotateAsync).Accepts<CreateAnnotationRequest>("application/json")
            .WithSummary("Annotates a span; exact must equal the text at start..end (UTF-16 code units, end exclusive)");
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
            document.Annotations.Select(a => new AnnotationJson(a.Key, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, a.Note)).ToList()));
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
}
