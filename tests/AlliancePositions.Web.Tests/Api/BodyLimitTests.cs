using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AlliancePositions.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>The app on a real Kestrel server: the body limits are enforced by the server, which the in-memory test server does not do.</summary>
public sealed class KestrelApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// A body over its endpoint's limit is a 413 with a problem body, refused as the server reads it, and nothing is
/// written: JSON writes take 1 MiB, a new document 8 MiB, an import 16 MiB.
/// </summary>
public class BodyLimitTests(KestrelApp server) : IClassFixture<KestrelApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AppFactory App => server.App;

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, string limit)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains(limit, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A signed-in Analyst's client that waits for the server's answer to <c>Expect: 100-continue</c> however busy the
    /// machine is (the default gives up after a second and sends the body anyway).
    /// </summary>
    private async Task<HttpClient> AnalystAsync()
    {
        using var signedIn = await App.CreateClientAsync("Analyst");
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = signedIn.BaseAddress };
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>
    /// A JSON body of exactly <paramref name="bytes"/> bytes: <paramref name="before"/>, then "a" up to the size, then
    /// <paramref name="after"/>. Just over a limit, so a chunked body has fully arrived when the server refuses it and
    /// the answer is not lost to a reset connection.
    /// </summary>
    private static string Sized(string before, string after, long bytes) =>
        before + new string('a', (int)(bytes - Encoding.UTF8.GetByteCount(before + after))) + after;

    /// <summary>
    /// Posts with <c>Expect: 100-continue</c>, as clients do for large bodies: with a Content-Length over the limit the
    /// server answers 413 before a byte of the body is sent. Chunked, the server only finds out while it reads.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, bool chunked)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_document_over_8_MiB_is_a_413_problem_and_is_not_stored(bool chunked)
    {
        using var client = await AnalystAsync();
        var marker = Guid.NewGuid().ToString("N");
        var json = Sized($"{{\"title\":\"{marker}\",\"text\":\"", "\"}", BodyLimits.Document + 100);

        await AssertTooLargeAsync(await PostAsync(client, "/api/documents", json, chunked), "8,388,608");

        await using var db = App.CreateDbContext();
        Assert.False(await db.Documents.AnyAsync(d => d.Title == marker, Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_json_write_over_1_MiB_is_a_413_problem_and_is_not_stored(bool chunked)
    {
        using var client = await AnalystAsync();
        var name = $"Oversized {Guid.NewGuid():N}";
        var json = Sized($"{{\"name\":\"{name}\",\"kind\":\"person\",\"note\":\"", "\"}", BodyLimits.Json + 100);

        await AssertTooLargeAsync(await PostAsync(client, "/api/actors", json, chunked), "1,048,576");

        await using var db = App.CreateDbContext();
        Assert.False(await db.Actors.AnyAsync(a => a.Name == name, Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_import_over_16_MiB_is_a_413_problem_and_imports_nothing(bool chunked)
    {
        using var client = await AnalystAsync();
        var key = $"big-{Guid.NewGuid():N}";
        var json = Sized($"{{\"formatVersion\":1,\"coders\":[{{\"key\":\"{key}\",\"displayName\":\"", "\"}]}", BodyLimits.Import + 100);

        await AssertTooLargeAsync(await PostAsync(client, "/api/import", json, chunked), "16,777,216");

        await using var db = App.CreateDbContext();
        Assert.False(await db.Coders.AnyAsync(c => c.Key == key, Ct));
    }

    [Fact]
    public async Task A_document_over_the_json_limit_but_within_its_own_is_stored()
    {
        using var client = await AnalystAsync();
        var json = JsonSerializer.Serialize(new { title = "Long", text = $"A long report {Guid.NewGuid():N} " + new string('é', 900_000) });
        Assert.InRange(Encoding.UTF8.GetByteCount(json), BodyLimits.Json + 1, BodyLimits.Document);

        var created = await PostAsync(client, "/api/documents", json, chunked: true);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>A stream that cannot tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
