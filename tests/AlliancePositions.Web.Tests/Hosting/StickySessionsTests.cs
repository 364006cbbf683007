using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AlliancePositions.Tests;

namespace AlliancePositions.Web.Tests.Hosting;

/// <summary>
/// The nginx configuration in docs/scale-out.md, read from the document itself, in front of two app nodes on loopback:
/// each browser (a cookie jar) stays on one node, and moves to the other when its node dies. Needs nginx
/// (<c>apt-get install nginx</c>; CI installs it) and PostgreSQL, so it runs in CI's PostgreSQL pass.
/// </summary>
[Trait("Database", TestDatabaseServer.PostgresOnly)]
public partial class StickySessionsTests
{
    private const string Nginx = "/usr/sbin/nginx";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_browser_stays_on_one_node_behind_nginx_and_moves_when_that_node_dies()
    {
        TestDatabaseServer.RequirePostgres();
        if (!File.Exists(Nginx))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("nginx is missing: .ci/run installs it.");
            Assert.Skip("Needs nginx (apt-get install nginx).");
        }
        var postgres = await TestDatabaseServer.CreatePostgresDatabaseAsync(Ct);
        var seeds = Path.Combine(SeededComponentTest.RepositoryRoot(), "seeds");
        await using var first = AppNode.Start(postgres, seeds);
        await using var second = AppNode.Start(postgres, seeds);
        var folder = Directory.CreateTempSubdirectory("alliancepositions-nginx");
        Process? proxy = null;
        try
        {
            await Task.WhenAll(first.WaitUntilServingAsync(Ct), second.WaitUntilServingAsync(Ct));
            var port = FreePort();
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "nginx.conf"), Configuration(folder.FullName, port, first, second), Ct);
            proxy = Process.Start(new ProcessStartInfo(Nginx, ["-p", folder.FullName, "-c", Path.Combine(folder.FullName, "nginx.conf"), "-g", "daemon off;"])
                { RedirectStandardError = true })!;
            var address = $"http://127.0.0.1:{port}";

            var browsers = Enumerable.Range(0, 8).Select(_ => Browser(address)).ToList();
            var nodes = new List<string>();
            foreach (var browser in browsers)
            {
                var served = new HashSet<string>();
                for (var i = 0; i < 5; i++) served.Add(await NodeOfAsync(browser));
                nodes.Add(Assert.Single(served));
            }

            // The first browser's node dies: the hash sends it to the other node, which serves it from then on.
            var pinned = nodes[0];
            await (pinned.EndsWith(Port(first), StringComparison.Ordinal) ? first : second).KillAsync();
            var after = await NodeOfAsync(browsers[0], afterFailure: true);
            Assert.NotEqual(pinned, after);
            Assert.Equal(after, await NodeOfAsync(browsers[0]));
            foreach (var browser in browsers) browser.Dispose();
        }
        finally
        {
            if (proxy is { HasExited: false }) proxy.Kill(entireProcessTree: true);
            proxy?.Dispose();
            await first.KillAsync();
            await second.KillAsync();
            await TestDatabaseServer.DropPostgresDatabaseAsync(postgres);
            try { folder.Delete(recursive: true); } catch (IOException) { /* the OS temp cleaner takes it */ }
        }
    }

    /// <summary>
    /// The documented configuration with the two nodes' addresses, a loopback port, files under <paramref name="prefix"/>,
    /// and one header for the test: which node answered.
    /// </summary>
    private static string Configuration(string prefix, int port, AppNode first, AppNode second)
    {
        var document = File.ReadAllText(Path.Combine(SeededComponentTest.RepositoryRoot(), "docs", "scale-out.md"));
        var site = NginxBlock().Match(document).Groups[1].Value;
        var servers = new Queue<string>([new Uri(first.BaseUrl).Authority, new Uri(second.BaseUrl).Authority]);
        site = UpstreamServer().Replace(site, _ => $"server {servers.Dequeue()}");
        site = site.Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("        add_header Set-Cookie", "        add_header X-Node $upstream_addr always;\n        add_header Set-Cookie", StringComparison.Ordinal);
        return $$"""
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log;
            events {}
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
            {{site}}
            }
            """;
    }

    private static HttpClient Browser(string address) =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };

    /// <summary>The node that served <c>/livez</c> (nginx's upstream address; after a failure, the one that answered last).</summary>
    private static async Task<string> NodeOfAsync(HttpClient browser, bool afterFailure = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await browser.GetAsync("/livez", Ct);
                if (response.StatusCode == HttpStatusCode.OK) return response.Headers.GetValues("X-Node").Single().Split(", ")[^1];
                if (attempt > 100) Assert.Fail($"nginx answered {(int)response.StatusCode}.");
            }
            catch (HttpRequestException) when (attempt < 100) { }
            // nginx starting, or (after a failure) taking the dead node out.
            await Task.Delay(afterFailure || attempt > 0 ? 100 : 50, Ct);
        }
    }

    private static string Port(AppNode node) => ":" + new Uri(node.BaseUrl).Port;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("```nginx\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    [GeneratedRegex(@"server [\d.]+:\d+")]
    private static partial Regex UpstreamServer();
}
