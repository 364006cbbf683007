using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Web.Tests.Ingest;

/// <summary>
/// A small web site on a free loopback port, for the fetching tests: pages (with a type, a body, optionally an ETag)
/// that a test sets and changes, redirects, and a count of requests per path.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Page> pages = new();

    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>The If-None-Match headers received, per path.</summary>
    public ConcurrentDictionary<string, string> ConditionalRequests { get; } = new();

    private sealed record Page(string ContentType, byte[] Body, string? ETag, string? RedirectTo);

    private LoopbackSite(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public string HostAndPort => $"{Address.Host}:{Address.Port}";

    public static async Task<LoopbackSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = new LoopbackSite(builder.Build());
        site.app.Run(site.ServeAsync);
        await site.app.StartAsync();
        site.Address = new Uri(site.app.Urls.First());
        return site;
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public void Html(string path, string html, string? etag = null) => pages[path] = new Page("text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(html), etag, null);

    public void Serve(string path, string contentType, byte[] body, string? etag = null) => pages[path] = new Page(contentType, body, etag, null);

    public void Redirect(string path, string to) => pages[path] = new Page("", [], null, to);

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } inm) ConditionalRequests[path] = inm;
        if (!pages.TryGetValue(path, out var page))
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (page.RedirectTo is not null)
        {
            context.Response.Redirect(page.RedirectTo);
            return;
        }
        if (page.ETag is not null)
        {
            if (context.Request.Headers.IfNoneMatch == page.ETag)
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = page.ETag;
        }
        context.Response.ContentType = page.ContentType;
        await context.Response.Body.WriteAsync(page.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>The app, allowed to fetch from one loopback site and nothing else on this machine; the poller off so tests poll.</summary>
public sealed class IngestFixture : IAsyncLifetime
{
    public LoopbackSite Site { get; private set; } = null!;
    public AppFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Site = await LoopbackSite.StartAsync();
        App = new AppFactory { Settings = { ["Ingest:AllowedHosts:0"] = Site.HostAndPort, ["Ingest:PollFeeds"] = "false" } };
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Site.DisposeAsync();
    }
}
