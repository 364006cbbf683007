using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using AlliancePositions.BrowserTests.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Ingest;

/// <summary>
/// The app allowed to fetch from a small news site on loopback (a feed and an article with chrome around it), with a
/// server and browser of its own: the journeys add documents the other browser tests must not see.
/// </summary>
public sealed class IngestBrowserFixture : IAsyncLifetime
{
    private WebApplication site = null!;
    private readonly ConcurrentDictionary<string, (string Type, string Body)> pages = new();

    public WorkspaceFixture Workspace { get; } = new();

    public string SiteUrl { get; private set; } = "";

    public void Serve(string path, string type, string body) => pages[path] = (type, body);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        site = builder.Build();
        site.Run(async context =>
        {
            if (!pages.TryGetValue(context.Request.Path.Value ?? "/", out var page)) { context.Response.StatusCode = 404; return; }
            context.Response.ContentType = page.Type;
            await context.Response.WriteAsync(page.Body);
        });
        await site.StartAsync();
        SiteUrl = site.Urls.First().TrimEnd('/');
        var address = new Uri(SiteUrl);
        Workspace.Browser.Settings["Ingest:AllowedHosts:0"] = $"{address.Host}:{address.Port}";
        Workspace.Browser.Settings["Ingest:PollFeeds"] = "false";
        await Workspace.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Workspace.DisposeAsync();
        await site.StopAsync();
        await site.DisposeAsync();
    }
}

[Collection(BrowserCollection.Name)]
public partial class IngestBrowserTests(IngestBrowserFixture fixture) : IClassFixture<IngestBrowserFixture>
{
    private const string Kept = "The foreign minister said the alliance would keep supplying air defence.";
    private const string Removed = "She hinted that a decision on long-range missiles could follow in spring.";
    private const string Added = "A spokesman later declined to comment on the timing.";

    private static string Article(params string[] paragraphs) => $$"""
        <!doctype html><html lang="en"><head><title>Air defence pledge | Example Press</title>
        <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
        <body><div class="cookie-banner">Accept all cookies</div><nav>World Europe Opinion</nav>
        <article><h1>Air defence pledge</h1>{{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}}</article>
        <aside>Most read</aside><footer>Example Press newsletter</footer></body></html>
        """;

    [Fact]
    public async Task Analyst_subscribes_to_a_feed_polls_it_annotates_the_new_document_from_the_inbox_and_places_an_orphan_by_hand()
    {
        fixture.Serve("/news/air-defence.html", "text/html; charset=utf-8", Article(Kept, Removed));
        fixture.Serve("/feed.xml", "application/rss+xml", $"""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Example Press</title><link>{fixture.SiteUrl}/</link>
            <item><title>Air defence pledge</title><link>{fixture.SiteUrl}/news/air-defence.html</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """);
        var workspace = fixture.Workspace;
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));

        // Subscribe to the feed and poll it now.
        await page.GetByRole(AriaRole.Link, new() { Name = "Feeds", Exact = true }).ClickAsync();
        await WorkspaceFixture.WaitInteractiveAsync(page);
        await page.GetByLabel("Feed address").FillAsync($"{fixture.SiteUrl}/feed.xml");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = PollButton() }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 added");

        // The inbox lists the new document; open it and annotate a sentence.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Air defence pledge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Air defence pledge");
        await WorkspaceFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".annotated-text")).Not.ToContainTextAsync("Accept all cookies");
        await WorkspaceFixture.SelectWithMouseAsync(page, Removed);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Annotate" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save annotation" }).ClickAsync();
        // A pending suggestion may overlap the passage, which then shows as several marks: read the annotation's marks together.
        var annotated = page.Locator(".annotated-text mark.annotation");
        await Assertions.Expect(annotated.First).ToBeVisibleAsync();
        Assert.Equal(Removed, string.Concat(await annotated.AllTextContentsAsync()));

        // The outlet cuts that sentence: the next poll makes a revision and orphans the annotation.
        fixture.Serve("/news/air-defence.html", "text/html; charset=utf-8", Article(Kept, Added));
        await page.GetByRole(AriaRole.Link, new() { Name = "Feeds", Exact = true }).ClickAsync();
        await WorkspaceFixture.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = PollButton() }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 updated");

        // Place it by hand on the new text from the orphans page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Orphans", Exact = true }).ClickAsync();
        await WorkspaceFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".orphan")).ToContainTextAsync(Removed);
        await page.GetByRole(AriaRole.Link, new() { Name = "Place on the new text" }).ClickAsync();
        await WorkspaceFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".annotated-text")).ToContainTextAsync(Added);
        await WorkspaceFixture.SelectWithMouseAsync(page, Added);
        await page.GetByRole(AriaRole.Button, new() { Name = "Place here" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/documents/[0-9a-f]{12}\\?annotation="));
        var placed = page.Locator(".annotated-text mark.annotation");
        await Assertions.Expect(placed.First).ToBeVisibleAsync();
        Assert.Equal(Added, string.Concat(await placed.AllTextContentsAsync()));
        await Assertions.Expect(page.GetByText("Revision 2: the outlet changed this text.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Orphans", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No orphaned annotations")).ToBeVisibleAsync();
    }

    [GeneratedRegex("^Poll .* now$")]
    private static partial Regex PollButton();
}
