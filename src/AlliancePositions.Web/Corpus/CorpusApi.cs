using AlliancePositions.Core.Corpus;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Corpus;

public static class CorpusApi
{
    /// <summary>Imports larger than this are refused with 413 (see <see cref="BodyLimits.Import"/> for why this size).</summary>
    public const long MaxImportBytes = BodyLimits.Import;

    /// <summary>
    /// One import at a time: each holds its whole corpus in memory while it is validated, so two at once would double
    /// the peak, and their writes are serialised by the database anyway. A waiting import has not read its body yet.
    /// </summary>
    private static readonly SemaphoreSlim OneImport = new(1, 1);

    public static RouteGroupBuilder MapCorpusApi(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("").RequireAuthorization(Policies.Read);
        reads.MapGet("/export", ExportAsync);
        var writes = api.MapGroup("").RequireAuthorization(Policies.Analyst);
        writes.MapPost("/import", ImportAsync).Accepts<CorpusFile>("application/json").WithBodyLimit(MaxImportBytes);
        return api;
    }

    /// <summary>The whole corpus in the corpus format, texts inline, streamed as it is read.</summary>
    private static async Task ExportAsync(HttpContext context, CorpusExporter exporter, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"alliancepositions-corpus.json\"";
        await exporter.WriteAsync(context.Response.Body, cancellationToken);
    }

    /// <summary>
    /// A corpus file as the request body: validated whole and applied in one transaction, or refused with every
    /// problem (400) or every conflict with stored records (409), each with its JSON path. Nothing partial.
    /// </summary>
    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(HttpRequest request, CorpusImporter importer,
        System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await OneImport.WaitAsync(cancellationToken);
        try
        {
            var json = await ReadBodyAsync(request, cancellationToken);
            return TypedResults.Ok(await importer.ImportAsync(json, "import", user.ToEditor().UserName, cancellationToken));
        }
        catch (CorpusValidationException invalid)
        {
            return TypedResults.ValidationProblem(ByPath(invalid.Problems), title: $"The corpus has {invalid.Problems.Count} problem(s); nothing was imported.");
        }
        catch (CorpusConflictException conflict)
        {
            return TypedResults.Problem($"{conflict.Conflicts.Count} record(s) conflict with stored ones; nothing was imported.",
                statusCode: StatusCodes.Status409Conflict, title: "Conflicting records",
                extensions: new Dictionary<string, object?> { ["errors"] = ByPath(conflict.Conflicts) });
        }
        finally
        {
            OneImport.Release();
        }
    }

    /// <summary>
    /// The body as text, decoded once from a buffer of its size: a StreamReader would first build the text in a
    /// StringBuilder and then copy it into the string, holding two UTF-16 copies of the body.
    /// </summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = request.ContentLength is { } length and <= MaxImportBytes ? new MemoryStream((int)length) : new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // A byte order mark is not part of the JSON (the StreamReader dropped it too).
        if (bytes.StartsWith(System.Text.Encoding.UTF8.Preamble)) bytes = bytes[System.Text.Encoding.UTF8.Preamble.Length..];
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    private static Dictionary<string, string[]> ByPath(IEnumerable<CorpusProblem> problems) =>
        problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
