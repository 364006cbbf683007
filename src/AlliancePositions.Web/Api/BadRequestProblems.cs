using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace AlliancePositions.Web.Api;

/// <summary>
/// The server refuses a request it cannot read by throwing <see cref="BadHttpRequestException"/> wherever the body is
/// read: 413 for a body over the endpoint's <see cref="BodyLimits">limit</see>, 400 for a malformed one, 408 for one
/// that arrives too slowly. Answered here as problem details with that status, instead of the 500 of an unexpected
/// error. Nothing was saved: the body is read before any write starts.
/// </summary>
public sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException refused || httpContext.Response.HasStarted) return false;
        httpContext.Response.StatusCode = refused.StatusCode;
        var limit = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var (title, detail) = refused.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Body too large",
                limit is { } bytes
                    ? $"The body is larger than the {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes this endpoint accepts; nothing was saved."
                    : "The body is larger than this endpoint accepts; nothing was saved."),
            StatusCodes.Status408RequestTimeout => ("Body too slow", "The body did not arrive in time; nothing was saved."),
            _ => ("Bad request", "The request could not be read; nothing was saved."),
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = refused.StatusCode, Title = title, Detail = detail },
        });
    }
}
