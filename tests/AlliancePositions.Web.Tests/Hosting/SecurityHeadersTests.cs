using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlliancePositions.Web.Tests.Hosting;

public partial class SecurityHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";

    [Fact]
    public async Task A_page_allows_only_the_apps_own_scripts_and_the_import_map_with_its_nonce()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        var scripts = Regex.Match(policy, "script-src ([^;]*)").Groups[1].Value;
        Assert.Matches("^'self' 'nonce-[0-9a-f]{32}'$", scripts);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var inline = ScriptTag().Matches(html).Select(m => m.Groups["attributes"].Value).Where(a => !a.Contains("src=", StringComparison.Ordinal));
        var importMap = Assert.Single(inline);
        Assert.Contains("type=\"importmap\"", importMap, StringComparison.Ordinal);
        Assert.Contains($"nonce=\"{scripts["'self' 'nonce-".Length..^1]}\"", importMap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_page_gets_a_new_nonce()
    {
        using var client = app.CreateClient();
        var first = Header(await client.GetAsync("/", Ct), "Content-Security-Policy");
        var second = Header(await client.GetAsync("/", Ct), "Content-Security-Policy");
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("/api/questions")]
    [InlineData("/api/statements.csv")]
    [InlineData("/api/actors/emmanuel-macron/timeline.csv")]
    [InlineData("/api/questions/troop-deployment/agreement.csv")]
    [InlineData("/api/questions/troop-deployment/agreement.svg")]
    [InlineData("/api/actors/emmanuel-macron/chart.svg")]
    [InlineData("/changes.atom")]
    [InlineData("/api/actors/nobody")]
    public async Task Downloads_and_api_answers_are_never_sniffed_nor_run_as_pages(string url)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(url, Ct);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.StartsWith("default-src 'none';", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        using var plain = app.CreateClient();
        using var secure = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        Assert.Equal("", Header(await plain.GetAsync("/livez", Ct), "Strict-Transport-Security"));
        Assert.Equal("max-age=31536000", Header(await secure.GetAsync("/livez", Ct), "Strict-Transport-Security"));
    }

    [GeneratedRegex("<script(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
