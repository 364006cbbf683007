using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// The HTTP steps the per-feature API tests share (imported with <c>using static</c>): reading a body as JSON, a PUT with
/// If-Match, the edit and delete-restore cycles every editable record goes through, and fresh evidence to cite.
/// </summary>
public static class ApiCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    public static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A read by an anonymous client that must succeed; the failure names the path, status and body.</summary>
    public static async Task<JsonElement> GetJsonAsync(AppFactory app, string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task<HttpResponseMessage> GetAsync(AppFactory app, string path)
    {
        using var client = app.CreateClient();
        return await client.GetAsync(path, Ct);
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.ParseAdd(ifMatch);
        return client.SendAsync(request, Ct);
    }

    public static async Task<string> ETagAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    /// <summary>The common cycle: 428 without If-Match, 200 with it (new ETag), 412 on the stale one with current values; returns the 412's current.</summary>
    public static async Task<JsonElement> EditCycleAsync(HttpClient client, string readPath, string writePath, object first, object second, string? etag = null)
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
    public static async Task DeleteAndRestoreAsync(AppFactory app, HttpClient analyst, string path, string readPath)
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

    /// <summary>A new document with a text unique to the test and an annotation on "ground troops" in it.</summary>
    public static async Task<(string Document, string Annotation, string Text)> NewEvidenceAsync(HttpClient client)
    {
        var text = $"Report {Guid.NewGuid():N}: no ground troops will be sent.";
        var id = (await JsonAsync(await client.PostAsJsonAsync("/api/documents", new { title = "Report", text }, Ct))).GetProperty("id").GetString()!;
        var start = text.IndexOf("ground troops", StringComparison.Ordinal);
        var annotation = await client.PostAsJsonAsync($"/api/documents/{id}/annotations", new { start, end = start + 13, exact = "ground troops" }, Ct);
        return (id, (await JsonAsync(annotation)).GetProperty("id").GetString()!, text);
    }

    public static async Task<string> NewStatementAsync(HttpClient client, string actor, string annotation)
    {
        var created = await client.PostAsJsonAsync("/api/statements", new
        {
            actor, kind = "quote", date = "2024-02-26", datePrecision = "day", summary = "Rules out ground troops", topics = Array.Empty<string>(),
            annotationIds = new[] { annotation }, credibility = 2,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonAsync(created)).GetProperty("id").GetString()!;
    }

    public static async Task<string> NewActorAsync(HttpClient client) =>
        (await JsonAsync(await client.PostAsJsonAsync("/api/actors", new { name = $"Kaja Kallas {Guid.NewGuid():N}"[..20], kind = "person", country = "EE" }, Ct)))
        .GetProperty("slug").GetString()!;
}
