using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Ingest;

public class RevisionTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static async Task<string> AnnotateAsync(HttpClient client, string document, string text, string quote)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        var created = await client.PostAsJsonAsync($"/api/documents/{document}/annotations", new { start, end = start + quote.Length, exact = quote }, Ct);
        created.EnsureSuccessStatusCode();
        return (await JsonAsync(created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_changed_article_becomes_a_revision_that_moves_an_annotation_and_orphans_the_one_whose_sentence_was_removed()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var kept = $"The minister ruled out sending troops to Ukraine ({tag}).";
        var removed = "She added that the question could be revisited next year.";
        var path = $"/news/{tag}.html";
        fixture.Site.Html(path, ArticlePages.WithChrome("Minister rules out troops", [kept, removed, "Talks continue in Brussels."]));
        using var client = await fixture.App.CreateClientAsync("Analyst");
        var first = await JsonAsync(await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct));
        var key = first.GetProperty("key").GetString()!;
        var oldText = (await JsonAsync(await client.GetAsync($"/api/documents/{key}", Ct))).GetProperty("text").GetString()!;
        var movedAnnotation = await AnnotateAsync(client, key, oldText, kept);
        var orphanedAnnotation = await AnnotateAsync(client, key, oldText, removed);
        var statement = await client.PostAsJsonAsync("/api/statements", new
        {
            actor = "olaf-scholz", kind = "quote", date = "2024-02-26", datePrecision = "day", summary = "May revisit", topics = Array.Empty<string>(),
            annotationIds = new[] { orphanedAnnotation }, credibility = 2,
        }, Ct);
        statement.EnsureSuccessStatusCode();

        // The outlet puts a new paragraph first (the kept sentence moves) and cuts the other sentence.
        fixture.Site.Html(path, ArticlePages.WithChrome("Minister rules out troops", ["Updated: the minister spoke again on Tuesday.", kept, "Talks continue in Brussels."]));
        var second = await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var revised = await JsonAsync(second);
        Assert.Equal("revised", revised.GetProperty("outcome").GetString());
        Assert.Equal(key, revised.GetProperty("key").GetString());
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        Assert.Equal(1, revised.GetProperty("moved").GetInt32());
        Assert.Equal(1, revised.GetProperty("orphaned").GetInt32());

        var document = await JsonAsync(await client.GetAsync($"/api/documents/{key}", Ct));
        var newText = document.GetProperty("text").GetString()!;
        Assert.Equal(2, document.GetProperty("revision").GetInt32());
        var moved = document.GetProperty("annotations").EnumerateArray().Single(a => a.GetProperty("id").GetString() == movedAnnotation);
        Assert.Equal(2, moved.GetProperty("revision").GetInt32());
        Assert.Equal(newText.IndexOf(kept, StringComparison.Ordinal), moved.GetProperty("start").GetInt32());
        Assert.NotEqual(oldText.IndexOf(kept, StringComparison.Ordinal), moved.GetProperty("start").GetInt32());
        Assert.Equal(kept, newText[moved.GetProperty("start").GetInt32()..moved.GetProperty("end").GetInt32()]);

        // The orphan keeps its span on revision 1, whose text and hash stay readable, and its statement keeps it as evidence.
        var orphans = await JsonAsync(await client.GetAsync("/api/annotations/orphans?pageSize=500", Ct));
        var orphan = orphans.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("key").GetString() == orphanedAnnotation);
        Assert.Equal(1, orphan.GetProperty("revision").GetInt32());
        Assert.Equal(2, orphan.GetProperty("currentRevision").GetInt32());
        Assert.Equal(1, orphan.GetProperty("statements").GetInt32());
        var revisionOne = await JsonAsync(await client.GetAsync($"/api/documents/{key}/revisions/1", Ct));
        Assert.Equal(oldText, revisionOne.GetProperty("text").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(oldText))), revisionOne.GetProperty("sha256").GetString());
        var orphanOnOld = revisionOne.GetProperty("annotations").EnumerateArray().Single(a => a.GetProperty("key").GetString() == orphanedAnnotation);
        Assert.Equal(removed, oldText[orphanOnOld.GetProperty("start").GetInt32()..orphanOnOld.GetProperty("end").GetInt32()]);
        Assert.Equal(2, (await JsonAsync(await client.GetAsync($"/api/documents/{key}/revisions", Ct))).GetArrayLength());

        // Placed by hand on the current text, it leaves the queue.
        var placeStart = newText.IndexOf("Talks continue", StringComparison.Ordinal);
        var placed = await client.PostAsJsonAsync($"/api/annotations/{orphanedAnnotation}/place",
            new { start = placeStart, end = placeStart + "Talks continue".Length, exact = "Talks continue" }, Ct);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.Equal(2, (await JsonAsync(placed)).GetProperty("revision").GetInt32());
        var after = await JsonAsync(await client.GetAsync("/api/annotations/orphans?pageSize=500", Ct));
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), o => o.GetProperty("key").GetString() == orphanedAnnotation);

        // A new annotation on the revised document points into its current revision.
        var fresh = await AnnotateAsync(client, key, newText, "Updated: the minister spoke again on Tuesday.");
        var reread = await JsonAsync(await client.GetAsync($"/api/documents/{key}", Ct));
        Assert.Equal(2, reread.GetProperty("annotations").EnumerateArray().Single(a => a.GetProperty("id").GetString() == fresh).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Fetching_the_same_text_again_changes_nothing()
    {
        var path = $"/news/{Guid.NewGuid():N}.html";
        fixture.Site.Html(path, ArticlePages.WithChrome("Unchanged", [$"Nothing new here ({Guid.NewGuid():N})."]));
        using var client = await fixture.App.CreateClientAsync("Analyst");
        await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct);

        var again = await JsonAsync(await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct));

        Assert.Equal("unchanged", again.GetProperty("outcome").GetString());
        Assert.Equal(1, again.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Placing_an_orphan_on_a_span_that_does_not_match_the_text_is_a_400_saying_what_the_text_is()
    {
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var response = await client.PostAsJsonAsync("/api/annotations/nosuchannotation/place", new { start = 0, end = 4, exact = "Test" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
