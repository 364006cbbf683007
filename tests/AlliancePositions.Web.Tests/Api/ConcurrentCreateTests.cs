using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// The same create sent several times at once: no 5xx, and the outcome one request after the other would get (unique
/// slugs and keys, one document and 409 for the rest, one coding and one coder).
/// </summary>
public class ConcurrentCreateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int AtOnce = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static async Task<HttpResponseMessage[]> SendAtOnceAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, AtOnce).Select(i => Task.Run(async () => { await start.Task; return await send(i); }, Ct)).ToList();
        start.SetResult();
        return await Task.WhenAll(requests);
    }

    private static async Task AssertStatusesAsync(HttpResponseMessage[] responses, params HttpStatusCode[] allowed)
    {
        foreach (var response in responses)
            Assert.True(allowed.Contains(response.StatusCode), $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task Identical_actors_created_at_once_each_get_their_own_slug()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var name = $"Concurrent Minister {Guid.NewGuid():N}";

        var responses = await SendAtOnceAsync(_ => client.PostAsJsonAsync("/api/actors", new { name, kind = "person", country = "FR" }, Ct));

        await AssertStatusesAsync(responses, HttpStatusCode.Created);
        var slugs = new List<string>();
        foreach (var response in responses) slugs.Add((await JsonAsync(response)).GetProperty("slug").GetString()!);
        Assert.Equal(AtOnce, slugs.Distinct().Count());
        await using var db = app.CreateDbContext();
        Assert.Equal(AtOnce, await db.Actors.CountAsync(a => a.Name == name, Ct));
    }

    [Fact]
    public async Task The_same_document_sent_at_once_is_stored_once_and_the_others_are_told_409_which()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var text = $"A communiqué sent twice by accident {Guid.NewGuid():N}.";

        var responses = await SendAtOnceAsync(i => client.PostAsJsonAsync("/api/documents", new { title = $"Copy {i}", text }, Ct));

        await AssertStatusesAsync(responses, HttpStatusCode.Created, HttpStatusCode.Conflict);
        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var id = (await JsonAsync(created)).GetProperty("id").GetString();
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal(id, (await JsonAsync(conflict)).GetProperty("existing").GetString());
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.Text == text, Ct));
    }

    [Fact]
    public async Task The_same_coding_sent_at_once_by_a_new_coder_leaves_one_coding_and_one_coder()
    {
        using var author = await app.CreateClientAsync("Analyst");
        var statement = await NewStatementAsync(author);
        using var coder = await app.CreateClientAsync("Analyst");

        var responses = await SendAtOnceAsync(i => coder.PostAsJsonAsync($"/api/statements/{statement}/codings",
            new { question = "troop-deployment", position = i % 2 == 0 ? -2 : -1 }, Ct));

        await AssertStatusesAsync(responses, HttpStatusCode.Created);
        await using var db = app.CreateDbContext();
        var codings = await db.Codings.Where(c => c.Statement.Key == statement).Select(c => new { c.Position, c.Coder.UserId }).ToListAsync(Ct);
        var coding = Assert.Single(codings);
        Assert.Contains(coding.Position, new[] { -2, -1 });
        Assert.Equal(1, await db.Coders.CountAsync(c => c.UserId == coding.UserId, Ct));
    }

    [Fact]
    public async Task A_new_coder_coding_several_statements_at_once_becomes_one_coder()
    {
        using var author = await app.CreateClientAsync("Analyst");
        var statements = new List<string>();
        for (var i = 0; i < AtOnce; i++) statements.Add(await NewStatementAsync(author));
        using var coder = await app.CreateClientAsync("Analyst");

        var responses = await SendAtOnceAsync(i => coder.PostAsJsonAsync($"/api/statements/{statements[i]}/codings",
            new { question = "troop-deployment", position = 1 }, Ct));

        await AssertStatusesAsync(responses, HttpStatusCode.Created);
        await using var db = app.CreateDbContext();
        var coders = await db.Codings.Where(c => statements.Contains(c.Statement.Key)).Select(c => c.CoderId).Distinct().ToListAsync(Ct);
        Assert.Single(coders);
    }

    [Fact]
    public async Task Identical_meetings_created_at_once_each_get_their_own_key()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var title = $"Concurrent summit {Guid.NewGuid():N}";

        var responses = await SendAtOnceAsync(_ => client.PostAsJsonAsync("/api/meetings",
            new { kind = "call", date = "2024-03-06", datePrecision = "day", participants = new[] { "olaf-scholz", "emmanuel-macron" }, title }, Ct));

        await AssertStatusesAsync(responses, HttpStatusCode.Created);
        var keys = new List<string>();
        foreach (var response in responses) keys.Add((await JsonAsync(response)).GetProperty("key").GetString()!);
        Assert.Equal(AtOnce, keys.Distinct().Count());
        Assert.All(keys, key => Assert.StartsWith("2024-03-06-call", key, StringComparison.Ordinal));
    }

    /// <summary>A document, an annotation and a statement on it, each unique to the test; returns the statement's key.</summary>
    private static async Task<string> NewStatementAsync(HttpClient client)
    {
        var text = $"The chancellor said on {Guid.NewGuid():N} that no ground troops would be sent.";
        var document = await JsonAsync(await client.PostAsJsonAsync("/api/documents", new { title = "Report", text }, Ct));
        var id = document.GetProperty("id").GetString();
        var start = text.IndexOf("no ground", StringComparison.Ordinal);
        var annotation = await JsonAsync(await client.PostAsJsonAsync($"/api/documents/{id}/annotations", new { start, end = text.Length - 1, exact = text[start..^1] }, Ct));
        var statement = await client.PostAsJsonAsync("/api/statements", new
        {
            actor = "olaf-scholz", kind = "quote", date = "2024-02-26", datePrecision = "day", summary = "Rules out ground troops",
            topics = Array.Empty<string>(), annotationIds = new[] { annotation.GetProperty("id").GetString() }, credibility = 2,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, statement.StatusCode);
        return (await JsonAsync(statement)).GetProperty("id").GetString()!;
    }
}
