using Microsoft.AspNetCore.Http.Metadata;

namespace AlliancePositions.Web.Api;

/// <summary>
/// An endpoint that declares a JSON body (<c>.Accepts&lt;T&gt;("application/json")</c>) refuses a body of any other
/// type, or of none, with 415 problem details before its handler runs. Besides telling a careless client what is wrong,
/// this shuts a cross-site door: a page of another origin can send text/plain or a form without asking the server
/// first (no CORS preflight), but never application/json. Endpoints whose body the framework binds get the same 415
/// from the framework.
/// </summary>
public static class JsonMediaType
{
    public static TBuilder RefuseBodiesThatAreNotJson<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
            if (accepts is null || accepts.ContentTypes.Count == 0 || context.Request.HasJsonContentType() || !accepts.ContentTypes.All(IsJson)
                || (accepts.IsOptional && IsEmpty(context.Request)))
                return await next(invocation);
            return TypedResults.Problem($"Send the body as application/json, not {(context.Request.ContentType is { Length: > 0 } type ? type : "without a content type")}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        });

    /// <summary>No body at all, which an endpoint whose body is optional takes as "nothing to change".</summary>
    private static bool IsEmpty(HttpRequest request) =>
        request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0 && string.IsNullOrEmpty(request.ContentType);

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
}
