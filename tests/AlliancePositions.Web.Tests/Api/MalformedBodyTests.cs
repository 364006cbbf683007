using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>The JSON writes as an Analyst: each success and each error status, and that a refused write changes nothing.</summary>
public class ApiWriteTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

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
    public async Task A_document_is_added_once_and_the_same_text_again_is_a_409_naming_it()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var text = $"A unique report {Guid.NewGuid():N}.";
        var created = await client.PostAsJsonAsync("/api/documents", new { title = "Report", text }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        Assert.Equal(64, body.GetProperty("sha256").GetString()!.Length);

        var again = await client.PostAsJsonAsync("/api/documents", new { title = "Same again", text }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(body.GetProperty("id").GetString(), (await JsonAsync(again)).GetProperty("existing").GetString());
    }

    [Fact]
    public async Task An_annotation_returns_its_context_and_a_wrong_quote_says_what_the_text_is()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var document = await JsonAsync(await client.PostAsJsonAsync("/api/documents", new { title = "R", text = $"Alpha beta gamma {Guid.NewGuid():N}" }, Ct));
        var id = document.GetProperty("id").GetString();

        var wrong = await client.PostAsJsonAsync($"/api/documents/{id}/annotations", new { start = 6, end = 10, exact = "BETA" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("\"beta\"", Errors(await JsonAsync(wrong), "exact")[0], StringComparison.Ordinal);

        var right = await client.PostAsJsonAsync($"/api/documents/{id}/annotations", new { start = 6, end = 10, exact = "beta" }, Ct);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        var annotation = await JsonAsync(right);
        Assert.Equal(("Alpha ", " gamma"), (annotation.GetProperty("prefix").GetString(), annotation.GetProperty("suffix").GetString()![..6]));

        var unknown = await client.PostAsJsonAsync("/api/documents/nothing/annotations", new { start = 0, end = 1, exact = "A" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_actor_is_created_with_a_slug_from_its_name()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var created = await client.PostAsJsonAsync("/api/actors", new { name = "Kaja Kallas", kind = "person", country = "EE", aliases = new[] { "Kallas" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var slug = (await JsonAsync(created)).GetProperty("slug").GetString();
        Assert.StartsWith("kaja-kallas", slug, StringComparison.Ordinal);
        Assert.Equal($"/api/actors/{slug}", created.Headers.Location?.OriginalString);

        var invalid = await client.PostAsJsonAsync("/api/actors", new { name = "", kind = "alien" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await JsonAsync(invalid);
        Assert.NotEmpty(Errors(problem, "name"));
        Assert.NotEmpty(Errors(problem, "kind"));
    }

    [Fact]
    public async Task A_meeting_is_recorded_and_bad_keys_are_field_errors()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var created = await client.PostAsJsonAsync("/api/meetings",
            new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" }, topics = new[] { "troop-deployment" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await JsonAsync(created)).GetProperty("key").GetString();
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{key}", Ct);
        Assert.Equal("call", read.GetProperty("kind").GetString());

        var invalid = await client.PostAsJsonAsync("/api/meetings", new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "nobody" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("No actor has the key \"nobody\".", Errors(await JsonAsync(invalid), "participants"));
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

    [Theory]
    [InlineData("/api/statements", "{ not json", "body")]
    [InlineData("/api/statements", "", "body")]
    [InlineData("/api/statements", "[1, 2]", "body")]
    [InlineData("/api/statements", "{\"actor\": \"olaf-scholz\", \"date\": \"26 Feb 2024\"}", "date")]
    [InlineData("/api/statements", "{\"credibility\": \"high\"}", "credibility")]
    [InlineData("/api/statements", "{\"relation\": {\"type\": 3}}", "relation.type")]
    [InlineData("/api/actors", "{\"name\": \"X\", \"aliases\": \"not a list\"}", "aliases")]
    [InlineData("/api/documents", "{\"title\": \"X\", \"publishedOn\": \"2024-02\"}", "publishedOn")]
    [InlineData("/api/documents/a76fa100f53b/annotations", "{\"start\": \"ten\"}", "start")]
    [InlineData("/api/meetings", "{\"kind\": \"call\", \"participants\": \"olaf-scholz\"}", "participants")]
    [InlineData("/api/statements/scholz-warns/codings", "{\"position\": 1.5}", "position")]
    public async Task A_malformed_body_is_a_400_naming_the_field_never_a_500(string path, string json, string field)
    {
        using var client = await app.CreateClientAsync("Analyst");
        var response = await client.PostAsync(path, Raw(json), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(Errors(await JsonAsync(response), field));
    }

    [Fact]
    public async Task A_malformed_put_body_is_a_400()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/statements/scholz-warns") { Content = Raw("{ broken") };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request, Ct)).StatusCode);
    }
}
