using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Ingest;

public class FeedTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static string Rss(IEnumerable<(string Link, string Title, string Date)> items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Example Press: Europe</title><link>http://example.invalid/</link>
        {string.Join("\n", items.Select(i => $"<item><title>{i.Title}</title><link>{i.Link}</link><guid>{i.Link}</guid><pubDate>{i.Date}</pubDate></item>"))}
        </channel></rss>
        """;

    private static string Atom(string link, string title, string updated) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry news</title><id>urn:ministry</id><updated>{updated}</updated>
        <entry><title>{title}</title><id>urn:ministry:{title.GetHashCode()}</id><link href="{link}"/><updated>{updated}</updated></entry>
        </feed>
        """;

    private async Task<int> SubscribeAsync(HttpClient client, string feedPath)
    {
        var created = await client.PostAsJsonAsync("/api/feeds", new { url = fixture.Site.Url(feedPath), intervalMinutes = 30 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonAsync(created)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Polling_a_feed_adds_its_articles_once_and_a_revised_article_as_a_revision()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Article(int n) => $"/feed-{tag}/article-{n}.html";
        fixture.Site.Html(Article(1), ArticlePages.WithChrome("First story", [$"Leaders met in Vilnius ({tag})."]));
        // The second page states no date: the feed item's date is used.
        fixture.Site.Html(Article(2), ArticlePages.WithChrome("Second story", [$"The ministry published a statement ({tag})."]));
        fixture.Site.Serve($"/feed-{tag}.xml", "application/rss+xml", Encoding.UTF8.GetBytes(Rss([
            (fixture.Site.Url(Article(1)), "First story", "Tue, 11 Jul 2023 09:00:00 GMT"),
            (fixture.Site.Url(Article(2)), "Second story", "Wed, 12 Jul 2023 10:30:00 +0200"),
        ])));
        using var client = await fixture.App.CreateClientAsync("Analyst");
        var feed = await SubscribeAsync(client, $"/feed-{tag}.xml");

        var first = await JsonAsync(await client.PostAsync($"/api/feeds/{feed}/poll", null, Ct));
        var second = await JsonAsync(await client.PostAsync($"/api/feeds/{feed}/poll", null, Ct));
        fixture.Site.Html(Article(1), ArticlePages.WithChrome("First story", [$"Leaders met in Vilnius ({tag}).", "A correction was added later."]));
        var third = await JsonAsync(await client.PostAsync($"/api/feeds/{feed}/poll", null, Ct));

        Assert.Equal((2, 0, 0, 0), Counts(first));
        Assert.Equal((0, 0, 2, 0), Counts(second));
        Assert.Equal((0, 1, 1, 0), Counts(third));
        var inbox = (await JsonAsync(await client.GetAsync("/api/inbox?pageSize=500", Ct))).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("title").GetString() is "First story" or "Second story" && i.GetProperty("feed").GetString() == "Example Press: Europe").ToList();
        Assert.Equal(2, inbox.Count);
        var revised = inbox.Single(i => i.GetProperty("title").GetString() == "First story");
        Assert.Equal("revised", revised.GetProperty("reason").GetString());
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        var dated = inbox.Single(i => i.GetProperty("title").GetString() == "Second story");
        Assert.Equal("2023-07-12", dated.GetProperty("publishedOn").GetString());

        var feeds = await JsonAsync(await client.GetAsync("/api/feeds", Ct));
        var listed = feeds.EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == feed);
        Assert.Equal("Example Press: Europe", listed.GetProperty("title").GetString());
        Assert.Equal(0, listed.GetProperty("failureCount").GetInt32());
    }

    [Fact]
    public async Task An_unchanged_atom_feed_is_asked_for_with_its_etag_and_answers_304_without_reading_items()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        fixture.Site.Html($"/atom-{tag}/a.html", ArticlePages.WithChrome("Ministry note", [$"The ministry notes progress ({tag})."]));
        fixture.Site.Serve($"/atom-{tag}.xml", "application/atom+xml",
            Encoding.UTF8.GetBytes(Atom(fixture.Site.Url($"/atom-{tag}/a.html"), "Ministry note", "2024-05-02T08:00:00Z")), etag: $"\"{tag}\"");
        using var client = await fixture.App.CreateClientAsync("Analyst");
        var feed = await SubscribeAsync(client, $"/atom-{tag}.xml");

        Assert.Equal((1, 0, 0, 0), Counts(await JsonAsync(await client.PostAsync($"/api/feeds/{feed}/poll", null, Ct))));
        Assert.Equal((0, 0, 0, 0), Counts(await JsonAsync(await client.PostAsync($"/api/feeds/{feed}/poll", null, Ct))));

        Assert.Equal($"\"{tag}\"", fixture.Site.ConditionalRequests[$"/atom-{tag}.xml"]);
        Assert.Equal(1, fixture.Site.Requests[$"/atom-{tag}/a.html"]);
    }

    [Fact]
    public async Task A_feed_that_fails_records_the_error_and_backs_off()
    {
        using var client = await fixture.App.CreateClientAsync("Analyst");
        var feed = await SubscribeAsync(client, $"/gone-{Guid.NewGuid():N}.xml");

        var result = await JsonAsync(await client.PostAsync($"/api/feeds/{feed}/poll", null, Ct));

        Assert.Contains("answered 404", result.GetProperty("error").GetString());
        var listed = (await JsonAsync(await client.GetAsync("/api/feeds", Ct))).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == feed);
        Assert.Equal(1, listed.GetProperty("failureCount").GetInt32());
        Assert.Contains("answered 404", listed.GetProperty("lastError").GetString());
        var wait = listed.GetProperty("nextPollAt").GetDateTimeOffset() - listed.GetProperty("lastPolledAt").GetDateTimeOffset();
        Assert.True(wait >= TimeSpan.FromMinutes(59), $"The next poll is {wait} after the failed one; a failure should double the 30-minute interval.");
    }

    [Fact]
    public async Task Subscribing_to_a_refused_address_is_a_400_and_the_same_feed_twice_a_409()
    {
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var refused = await client.PostAsJsonAsync("/api/feeds", new { url = "http://localhost:9/feed.xml" }, Ct);
        var path = $"/twice-{Guid.NewGuid():N}.xml";
        await SubscribeAsync(client, path);
        var twice = await client.PostAsJsonAsync("/api/feeds", new { url = fixture.Site.Url(path) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("loopback", (await JsonAsync(refused)).GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task A_dismissed_inbox_entry_leaves_the_inbox()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        fixture.Site.Html($"/dismiss-{tag}/a.html", ArticlePages.WithChrome($"Dismiss me {tag}", [$"Nothing to code here ({tag})."]));
        fixture.Site.Serve($"/dismiss-{tag}.xml", "application/rss+xml",
            Encoding.UTF8.GetBytes(Rss([(fixture.Site.Url($"/dismiss-{tag}/a.html"), "Dismiss me", "Tue, 11 Jul 2023 09:00:00 GMT")])));
        using var client = await fixture.App.CreateClientAsync("Analyst");
        var feed = await SubscribeAsync(client, $"/dismiss-{tag}.xml");
        await client.PostAsync($"/api/feeds/{feed}/poll", null, Ct);
        var entry = (await JsonAsync(await client.GetAsync("/api/inbox?pageSize=500", Ct))).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == $"Dismiss me {tag}").GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/inbox/{entry}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/inbox/{entry}/dismiss", null, Ct)).StatusCode);

        var inbox = await JsonAsync(await client.GetAsync("/api/inbox?pageSize=500", Ct));
        Assert.DoesNotContain(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == entry);
    }

    private static (int, int, int, int) Counts(JsonElement result) =>
        (result.GetProperty("added").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("skipped").GetInt32(), result.GetProperty("failed").GetInt32());
}
