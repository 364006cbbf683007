using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// PUT with If-Match, DELETE and restore for actors, document metadata, annotations and meetings: each success, 428
/// without If-Match, 412 with the current values, 400, 404, 409 while statements depend on the record, and restore.
/// </summary>
public class ApiEditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.ParseAdd(ifMatch);
        return client.SendAsync(request, Ct);
    }

    private static async Task<string> ETagAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    /// <summary>The common cycle: 428 without If-Match, 200 with it (new ETag), 412 on the stale one with current values; returns the 412's current.</summary>
    private static async Task<JsonElement> EditCycleAsync(HttpClient client, string readPath, string writePath, object first, object second, string? etag = null)
    {
        etag ??= await ETagAsync(client, readPath);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PutAsync(client, writePath, first, null)).StatusCode);
        var updated = await PutAsync(client, writePath, first, etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);
        var stale = await PutAsync(client, writePath, second, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        return (await JsonAsync(stale)).GetProperty("current");
    }

    /// <summary>DELETE 204, then gone (404 to read and to delete again), then an Admin's restore 200 brings it back.</summary>
    private async Task DeleteAndRestoreAsync(HttpClient analyst, string path, string readPath)
    {
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync(readPath, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync(path, Ct)).StatusCode);
        using var admin = await app.CreateClientAsync("Admin");
        var restored = await admin.PostAsync($"{path}/restore", null, Ct);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.NotNull(restored.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(readPath, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{path}/restore", null, Ct)).StatusCode);
    }

    private static async Task<(string Document, string Annotation, string Text)> NewEvidenceAsync(HttpClient client)
    {
        var text = $"Report {Guid.NewGuid():N}: no ground troops will be sent.";
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/documents", new { title = "Report", text }, Ct))).GetProperty("id").GetString()!;
        var start = text.IndexOf("ground troops", StringComparison.Ordinal);
        var annotation = await client.PostAsJsonAsync($"/api/documents/{id}/annotations", new { start, end = start + 13, exact = "ground troops" }, Ct);
        return (id, (await JsonAsync(annotation)).GetProperty("id").GetString()!, text);
    }

    private static async Task<string> NewStatementAsync(HttpClient client, string actor, string annotation)
    {
        var created = await client.PostAsJsonAsync("/api/statements", new
        {
            actor, kind = "quote", date = "2024-02-26", datePrecision = "day", summary = "Rules out ground troops", topics = Array.Empty<string>(),
            annotationIds = new[] { annotation }, credibility = 2,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonAsync(created)).GetProperty("id").GetString()!;
    }

    private static async Task<string> NewActorAsync(HttpClient client) =>
        (await JsonAsync(await client.PostAsJsonAsync("/api/actors", new { name = $"Kaja Kallas {Guid.NewGuid():N}"[..20], kind = "person", country = "EE" }, Ct)))
        .GetProperty("slug").GetString()!;

    [Fact]
    public async Task An_actor_is_edited_with_If_Match_deleted_and_restored()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var slug = await NewActorAsync(analyst);
        var path = $"/api/actors/{slug}";

        var current = await EditCycleAsync(analyst, path, path, new { name = "Kaja Kallas", kind = "person", country = "EE", aliases = new[] { "Kallas" } },
            new { name = "Stale name", kind = "person" });

        Assert.Equal(("Kaja Kallas", slug), (current.GetProperty("name").GetString(), current.GetProperty("slug").GetString()));
        Assert.Equal("Kallas", (await analyst.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("aliases")[0].GetString());
        await DeleteAndRestoreAsync(analyst, path, path);
    }

    [Fact]
    public async Task Actor_edits_report_bad_input_and_unknown_slugs()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var slug = await NewActorAsync(analyst);
        var etag = await ETagAsync(analyst, $"/api/actors/{slug}");

        var invalid = await PutAsync(analyst, $"/api/actors/{slug}", new { name = "", kind = "alien" }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(analyst, "/api/actors/nobody", new { name = "X", kind = "person" }, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync("/api/actors/nobody", Ct)).StatusCode);
        Assert.Equal(etag, await ETagAsync(analyst, $"/api/actors/{slug}"));
    }

    [Fact]
    public async Task An_actor_with_statements_is_not_deleted_and_the_409_says_why()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var slug = await NewActorAsync(analyst);
        var (_, annotation, _) = await NewEvidenceAsync(analyst);
        var statement = await NewStatementAsync(analyst, slug, annotation);

        var refused = await analyst.DeleteAsync($"/api/actors/{slug}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(statement, (await JsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/actors/{slug}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/statements/{statement}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/statements/{statement}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/actors/{slug}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Document_metadata_is_edited_with_If_Match_but_never_its_text()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var (id, _, text) = await NewEvidenceAsync(analyst);
        var path = $"/api/documents/{id}";

        var current = await EditCycleAsync(analyst, path, path,
            new { title = "Renamed", url = "https://example.org/r", publishedOn = "2024-03-01", language = "en", reliabilityOverride = "B", reliabilityReason = "Transcript", text },
            new { title = "Stale" });

        Assert.Equal(("Renamed", "B"), (current.GetProperty("title").GetString(), current.GetProperty("reliabilityOverride").GetString()));
        var read = await analyst.GetFromJsonAsync<JsonElement>(path, Ct);
        Assert.Equal((text, "2024-03-01", "Transcript"), (read.GetProperty("text").GetString(), read.GetProperty("publishedOn").GetString(), read.GetProperty("reliabilityReason").GetString()));

        var changedText = await PutAsync(analyst, path, new { title = "Renamed", text = "Another text" }, $"\"{read.GetProperty("version").GetInt32()}\"");
        Assert.Equal(HttpStatusCode.BadRequest, changedText.StatusCode);
        Assert.StartsWith("A document's text cannot be changed", (await JsonAsync(changedText)).GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(analyst, "/api/documents/nothing", new { title = "X" }, "\"1\"")).StatusCode);
    }

    [Fact]
    public async Task An_uncited_document_is_deleted_and_restored_but_a_cited_one_is_refused()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var (id, _, _) = await NewEvidenceAsync(analyst);
        await DeleteAndRestoreAsync(analyst, $"/api/documents/{id}", $"/api/documents/{id}");

        var (cited, annotation, _) = await NewEvidenceAsync(analyst);
        await NewStatementAsync(analyst, "olaf-scholz", annotation);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.DeleteAsync($"/api/documents/{cited}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.DeleteAsync($"/api/documents/{cited}/annotations/{annotation}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_annotation_is_edited_with_If_Match_deleted_and_restored_but_its_span_never_moves()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var (id, annotation, _) = await NewEvidenceAsync(analyst);
        var path = $"/api/documents/{id}/annotations/{annotation}";
        var version = (await analyst.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct)).GetProperty("annotations")[0].GetProperty("version").GetInt32();

        var current = await EditCycleAsync(analyst, $"/api/documents/{id}", path, new { note = "Checked", tags = new[] { "troops" }, translation = "Bodentruppen" },
            new { note = "Stale" }, etag: $"\"{version}\"");

        Assert.Equal("Checked", current.GetProperty("note").GetString());
        var read = (await analyst.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct)).GetProperty("annotations")[0];
        Assert.Equal(("Bodentruppen", "troops"), (read.GetProperty("translation").GetString(), read.GetProperty("tags")[0].GetString()));
        var moved = await PutAsync(analyst, path, new { note = "x", start = 0, end = 6, exact = "Report" }, $"\"{read.GetProperty("version").GetInt32()}\"");
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.NotEmpty((await JsonAsync(moved)).GetProperty("errors").GetProperty("span").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(analyst, $"/api/documents/{id}/annotations/nothing", new { note = "x" }, "\"1\"")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync(path, Ct)).StatusCode);
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct)).GetProperty("annotations").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync(path, Ct)).StatusCode);
        using var admin = await app.CreateClientAsync("Admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{path}/restore", null, Ct)).StatusCode);
        Assert.Single((await analyst.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct)).GetProperty("annotations").EnumerateArray());
    }

    [Fact]
    public async Task A_meeting_is_edited_with_If_Match_deleted_and_restored()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var created = await analyst.PostAsJsonAsync("/api/meetings", new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" } }, Ct);
        var key = (await JsonAsync(created)).GetProperty("key").GetString();
        var path = $"/api/meetings/{key}";

        var current = await EditCycleAsync(analyst, path, path,
            new { kind = "bilateral", date = "2024-03-06", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" }, place = "Washington" },
            new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" } });

        Assert.Equal(("bilateral", "Washington"), (current.GetProperty("kind").GetString(), current.GetProperty("place").GetString()));
        var etag = await ETagAsync(analyst, path);
        var invalid = await PutAsync(analyst, path, new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "nobody" } }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(analyst, "/api/meetings/nothing", new { kind = "call" }, "\"1\"")).StatusCode);
        await DeleteAndRestoreAsync(analyst, path, path);
    }

    [Fact]
    public async Task A_malformed_edit_body_is_a_400_naming_the_field()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/meetings/anything") { Content = new StringContent("{\"date\": \"5 March\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await analyst.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await JsonAsync(response)).GetProperty("errors").GetProperty("date").EnumerateArray());
    }
}
