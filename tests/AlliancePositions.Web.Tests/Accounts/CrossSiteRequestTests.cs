using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// A browser sends its sign-in cookie with any request, also one another site's page makes; so the API takes writes
/// only with a bearer token, which a browser never adds by itself. Reads (the CSV and SVG links) still take the cookie.
/// </summary>
public class CrossSiteRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_cookie_cannot_write_through_the_api()
    {
        using var browser = await app.CreateBrowserClientAsync("Analyst", Ct);
        var name = $"Forged {Guid.NewGuid():N}"[..20];

        var json = await browser.PostAsJsonAsync("/api/actors", new { name, kind = "person", country = "EE" }, Ct);
        var untyped = await browser.PostAsync("/api/actors", new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"name":"{{name}}","kind":"person","country":"EE"}""")), Ct);
        var import = await browser.PostAsJsonAsync("/api/import", JsonDocument.Parse("""{"formatVersion":1,"coders":[{"key":"forged-coder","displayName":"Forged"}]}"""), Ct);
        var plainImport = await browser.PostAsync("/api/import", new StringContent("""{"formatVersion":1,"coders":[{"key":"forged-coder","displayName":"Forged"}]}""", Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, untyped.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, import.StatusCode);
        // A text/plain body (what a page of another origin may send without asking) does not even reach authorization.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainImport.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Actors.IgnoreQueryFilters().AnyAsync(a => a.Name == name, Ct));
        Assert.False(await db.Coders.AnyAsync(c => c.Key == "forged-coder", Ct));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/statements.csv", Ct)).StatusCode);
    }
}
