using AlliancePositions.Core.Editing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Api;

/// <summary>
/// Turns a Core write outcome into the HTTP answer every write endpoint gives: 400 with field errors, 404, 409 naming
/// the existing record (or what still depends on a record being deleted), 412 with the current values when someone
/// else changed the record first. All problem details.
/// </summary>
public static class WriteResults
{
    public static IResult ToHttp<T>(this WriteResult<T> result, Func<T, IResult> ok) => result.Status switch
    {
        WriteStatus.Ok => ok(result.Value!),
        WriteStatus.Invalid => TypedResults.ValidationProblem(result.Errors!),
        WriteStatus.NotFound => TypedResults.Problem("No record has that key.", statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        WriteStatus.Duplicate => TypedResults.Problem($"The same already exists as \"{result.ExistingKey}\".", statusCode: StatusCodes.Status409Conflict,
            title: "Duplicate", extensions: new Dictionary<string, object?> { ["existing"] = result.ExistingKey }),
        WriteStatus.InUse => TypedResults.Problem(result.Reason, statusCode: StatusCodes.Status409Conflict, title: "In use"),
        _ => TypedResults.Problem("Someone else changed this record since you read it; nothing was saved. Here are its current values.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed by someone else",
            extensions: new Dictionary<string, object?> { ["current"] = result.Current }),
    };

    /// <summary>A version from an <c>If-Match</c> header (<c>"3"</c> or <c>W/"3"</c>), or null when absent or unreadable.</summary>
    public static int? IfMatchVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Replace("W/", "", StringComparison.Ordinal).Trim('"', ' ');
        return int.TryParse(header, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>200 with the record as saved, and its new version as the ETag the next edit sends back.</summary>
    public static Ok<T> Versioned<T>(HttpResponse response, T value, int version)
    {
        response.SetETag(version);
        return TypedResults.Ok(value);
    }

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem("Send the version you read in an If-Match header (the ETag of the GET), so a stale save cannot overwrite someone else's change.",
            statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required");
}
