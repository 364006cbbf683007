using Microsoft.AspNetCore.Mvc;

namespace AlliancePositions.Web.Api;

/// <summary>
/// The largest request body each endpoint reads, in bytes. A larger body is refused with 413 and a problem body as soon
/// as the server sees it (from its Content-Length, or while it streams in), before it is buffered or parsed; see
/// <see cref="BadRequestProblems"/>. The API group sets <see cref="Json"/>; an endpoint that takes more says so.
/// </summary>
public static class BodyLimits
{
    /// <summary>Every JSON write: the longest note, quote or summary (10,000 characters) fits many times over.</summary>
    public const long Json = 1024 * 1024;

    /// <summary>A new document: up to 1,000,000 characters of text, which JSON may escape to six bytes each.</summary>
    public const long Document = 8 * 1024 * 1024;

    /// <summary>
    /// A corpus import. It is validated whole in memory (the text, the JSON tree, the schema's own tree and a problem
    /// per faulty record), so the limit is what bounds the memory an import takes: measured, a 16 MiB corpus with a
    /// problem in every record took the process from 190 MB to a 740 MB peak. Imports also run one at a time. The
    /// generated 10k corpus (11 MB) fits; a larger one goes into an empty database through the seed loader.
    /// </summary>
    public const long Import = 16 * 1024 * 1024;

    /// <summary>Sets this endpoint's (or group's) body limit; the server enforces it and answers 413 beyond it.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));
}
