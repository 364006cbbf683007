using System.Net;
using System.Xml.Linq;

namespace AlliancePositions.Web.Tests.Changes;

public class ChangesFeedTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Feed_is_atom_with_an_entry_per_change()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/changes.atom?since=2024-03-01", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.NotNull(feed.Element(Atom + "id"));
        Assert.NotNull(feed.Element(Atom + "updated"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "id")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.NotNull(entry.Element(Atom + "link")?.Attribute("href"));
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.Contains(entries, e => e.Element(Atom + "link")!.Attribute("href")!.Value.EndsWith("/documents/a76fa100f53b", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Element(Atom + "title")!.Value.Contains("Blinken", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value.Contains("Scholz advises", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unreadable_since_is_a_400_problem()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/changes.atom?since=yesterday", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("since", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
