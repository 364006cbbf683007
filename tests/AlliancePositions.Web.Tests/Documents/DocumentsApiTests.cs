using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Documents;

/// <summary>
/// The documents API over HTTP: the list and a document with its annotations, adding a text once, annotating it, and
/// editing (If-Match), deleting and restoring documents and annotations.
/// </summary>
public class DocumentsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string SeedDocument = "a76fa100f53b";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetJsonAsync(string path) => ApiCalls.GetJsonAsync(app, path);
    private Task<HttpResponseMessage> GetAsync(string path) => ApiCalls.GetAsync(app, path);
    private Task DeleteAndRestoreAsync(HttpClient analyst, string path, string readPath) => ApiCalls.DeleteAndRestoreAsync(app, analyst, path, readPath);

    [Fact]
    public async Task Documents_list_and_read_with_annotations()
    {
        var list = await GetJsonAsync("/api/documents");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, item => Assert.Equal(["id", "title", "outlet", "publishedOn", "sha256"], item.EnumerateObject().Select(p => p.Name)));
        // Other tests of this class add documents of their own: read the listed one the seed annotated.
        var id = items.Select(i => i.GetProperty("id").GetString()).Single(i => i == SeedDocument);

        var response = await GetAsync($"/api/documents/{id}");
        Assert.NotNull(response.Headers.ETag);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var text = document.GetProperty("text").GetString()!;
        var annotation = document.GetProperty("annotations")[0];
        var (start, end) = (annotation.GetProperty("start").GetInt32(), annotation.GetProperty("end").GetInt32());
        Assert.Equal(text[start..end], annotation.GetProperty("exact").GetString());
    }

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
}
