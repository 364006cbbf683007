using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Statements;

/// <summary>
/// Statements over HTTP: the filtered page and one statement, and a statement created, coded, edited (If-Match), deleted
/// and restored; an invalid one lists every field and writes nothing.
/// </summary>
public class StatementsApiContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetJsonAsync(string path) => ApiCalls.GetJsonAsync(app, path);
    private Task<HttpResponseMessage> GetAsync(string path) => ApiCalls.GetAsync(app, path);

    /// <summary>A new document with a text unique to the test, and an annotation on it; returns the annotation's key.</summary>
    private static async Task<(string Document, string Annotation)> NewEvidenceAsync(HttpClient client)
    {
        var text = $"Chancellor Scholz said on {Guid.NewGuid():N} that no ground troops would be sent.";
        var document = await JsonAsync(await client.PostAsJsonAsync("/api/documents", new { title = "Test report", text }, Ct));
        var id = document.GetProperty("id").GetString()!;
        var start = text.IndexOf("no ground", StringComparison.Ordinal);
        var annotation = await client.PostAsJsonAsync($"/api/documents/{id}/annotations", new { start, end = text.Length - 1, exact = text[start..^1] }, Ct);
        return (id, (await JsonAsync(annotation)).GetProperty("id").GetString()!);
    }

    private static object Statement(string annotation, string summary = "Rules out ground troops", string actor = "olaf-scholz") => new
    {
        actor, kind = "quote", date = "2024-02-26", datePrecision = "day", summary, topics = Array.Empty<string>(), annotationIds = new[] { annotation }, credibility = 2,
    };

    [Fact]
    public async Task Statements_use_the_page_filter_and_page()
    {
        var page = await GetJsonAsync("/api/statements?actor=olaf-scholz&pageSize=1");
        var row = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("olaf-scholz", row.GetProperty("actor").GetString());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.InRange(row.GetProperty("credibility").GetInt32(), 1, 6);

        var one = await GetAsync($"/api/statements/{row.GetProperty("id").GetString()}");
        Assert.Matches("^\"\\d+\"$", one.Headers.ETag!.Tag);
        var unknownActor = await GetAsync("/api/statements?actor=nobody");
        Assert.Equal(HttpStatusCode.BadRequest, unknownActor.StatusCode);
    }

    [Fact]
    public async Task A_statement_is_created_coded_updated_with_If_Match_deleted_and_restored()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var (_, annotation) = await NewEvidenceAsync(analyst);
        var created = await analyst.PostAsJsonAsync("/api/statements", Statement(annotation), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetString();

        var coded = await analyst.PostAsJsonAsync($"/api/statements/{id}/codings", new { question = "troop-deployment", position = -2 }, Ct);
        Assert.Equal(HttpStatusCode.Created, coded.StatusCode);
        var badCoding = await analyst.PostAsJsonAsync($"/api/statements/{id}/codings", new { question = "troop-deployment", position = 7 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCoding.StatusCode);
        var unknownStatement = await analyst.PostAsJsonAsync("/api/statements/nothing/codings", new { question = "troop-deployment", position = 1 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatement.StatusCode);

        var etag = (await analyst.GetAsync($"/api/statements/{id}", Ct)).Headers.ETag!.Tag;
        var withoutIfMatch = await analyst.PutAsJsonAsync($"/api/statements/{id}", Statement(annotation, "Edited"), Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);

        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/statements/{id}") { Content = JsonContent.Create(Statement(annotation, "Edited")) };
        update.Headers.IfMatch.ParseAdd(etag);
        var updated = await analyst.SendAsync(update, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/statements/{id}") { Content = JsonContent.Create(Statement(annotation, "Stale")) };
        stale.Headers.IfMatch.ParseAdd(etag);
        var conflict = await analyst.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Equal("Edited", (await JsonAsync(conflict)).GetProperty("current").GetProperty("summary").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/statements/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/statements/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync($"/api/statements/{id}", Ct)).StatusCode);

        using var admin = await app.CreateClientAsync("Admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/statements/{id}/restore", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/statements/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_invalid_statement_lists_every_field_and_writes_nothing()
    {
        using var client = await app.CreateClientAsync("Analyst");
        await using var before = app.CreateDbContext();
        var count = await before.Statements.CountAsync(Ct);

        var response = await client.PostAsJsonAsync("/api/statements", new { actor = "nobody", kind = "rumour", date = "2024-02-26", datePrecision = "week", credibility = 9 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        foreach (var field in new[] { "actor", "kind", "datePrecision", "credibility", "summary", "annotationIds" }) Assert.NotEmpty(Errors(problem, field));
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.Statements.CountAsync(Ct));
    }
}
