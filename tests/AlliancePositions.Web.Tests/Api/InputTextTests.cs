using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AlliancePositions.Core.Sources;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>Text that is not text (control characters) and addresses that are not web addresses: refused on every path in, harmless if stored.</summary>
public class InputTextTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task A_control_character_in_a_name_is_a_400_naming_the_field_and_nothing_is_written()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var name = $"Control\u0001 {Guid.NewGuid():N}";

        var response = await analyst.PostAsJsonAsync("/api/actors", new { name, kind = "person" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("U+0001", Assert.Single(Errors(await response.Content.ReadFromJsonAsync<JsonElement>(Ct), "name")), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Actors.AnyAsync(a => a.Name == name, Ct));
    }

    [Fact]
    public async Task An_import_with_a_control_character_or_a_javascript_address_is_refused_naming_each_path()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var text = $"A report {Guid.NewGuid():N}.";
        var key = DocumentText.KeyOf(DocumentText.Sha256(text));
        var corpus = JsonSerializer.Serialize(new
        {
            formatVersion = 1,
            actors = new[] { new { slug = "bell-actor", name = "Bell\u0007 actor", kind = "person" } },
            documents = new[] { new { key, title = "Report", url = "javascript:alert(document.cookie)", text } },
        });

        var response = await analyst.PostAsync("/api/import", new StringContent(corpus, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("U+0007", Assert.Single(Errors(problem, "$.actors[0].name")), StringComparison.Ordinal);
        Assert.Contains("not an http or https address", Assert.Single(Errors(problem, "$.documents[0].url")), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Actors.AnyAsync(a => a.Slug == "bell-actor", Ct));
        Assert.False(await db.Documents.AnyAsync(d => d.Key == key, Ct));
    }

    [Fact]
    public async Task A_javascript_address_is_refused_by_the_api_as_by_import()
    {
        using var analyst = await app.CreateClientAsync("Analyst");

        var response = await analyst.PostAsJsonAsync("/api/documents", new { title = "Report", text = $"Text {Guid.NewGuid():N}", url = "javascript:alert(1)" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(Errors(await response.Content.ReadFromJsonAsync<JsonElement>(Ct), "url"));
    }

    [Fact]
    public async Task Stored_control_characters_leave_the_feed_and_the_svg_downloads_well_formed()
    {
        // Rows written before the rule (or by a path that missed it): the writers must cope whatever is stored.
        await using (var db = app.CreateDbContext())
        {
            var actor = await db.Actors.SingleAsync(a => a.Slug == "emmanuel-macron", Ct);
            actor.Name = "Emmanuel\u0001 Macron\u001B";
            foreach (var statement in await db.Statements.Where(s => s.Actor.Slug == "emmanuel-macron").ToListAsync(Ct))
                statement.Summary += "\u0002\uFFFF";
            await db.SaveChangesAsync(Ct);
        }
        using var client = app.CreateClient();

        foreach (var url in new[] { "/changes.atom?since=2000-01-01", "/api/questions/troop-deployment/agreement.svg", "/api/actors/emmanuel-macron/chart.svg" })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Emmanuel\uFFFD Macron\uFFFD", document.Root!.Value, StringComparison.Ordinal);
        }
    }
}
