using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Corpus;

public class CorpusApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_streams_the_whole_corpus_with_texts_inline()
    {
        using var client = app.CreateClient();
        var export = await client.GetStringAsync("/api/export", Ct);
        Assert.Contains("\"formatVersion\": 1", export, StringComparison.Ordinal);
        Assert.Contains("\"text\": \"French President Emmanuel Macron", export, StringComparison.Ordinal);
        Assert.DoesNotContain("textFile", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_several_errors_reports_all_of_them_and_changes_nothing()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var broken = """
            { "formatVersion": 1,
              "actors": [ { "slug": "new-actor", "name": "New actor", "kind": "alien" } ],
              "statements": [ { "key": "s1", "actor": "nobody", "kind": "quote", "date": "2024-02-30", "datePrecision": "day",
                                "summary": "x", "evidence": ["missing"], "credibility": 9 } ] }
            """;
        var response = await analyst.PostAsync("/api/import", new StringContent(broken, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("$.actors[0].kind", body, StringComparison.Ordinal);
        Assert.Contains("$.statements[0].credibility", body, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Actors.AnyAsync(a => a.Slug == "new-actor", Ct));
    }

    [Fact]
    public async Task An_import_body_is_read_as_utf8_with_or_without_a_byte_order_mark()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var json = "{ \"formatVersion\": 1, \"coders\": [ { \"key\": \"bom-coder\", \"displayName\": \"Zoë Łukasiewicz 😀\" } ] }";
        var body = new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(json)]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await analyst.PostAsync("/api/import", body, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal("Zoë Łukasiewicz 😀", await db.Coders.Where(c => c.Key == "bom-coder").Select(c => c.DisplayName).SingleAsync(Ct));
    }

    [Fact]
    public async Task Import_needs_an_analyst()
    {
        using var anonymous = app.CreateClient();
        using var viewer = await app.CreateClientAsync("Viewer");
        var body = new StringContent("{\"formatVersion\":1}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/import", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/import", body, Ct)).StatusCode);
    }
}
