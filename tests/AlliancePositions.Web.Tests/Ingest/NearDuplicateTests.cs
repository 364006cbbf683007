using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Ingest;

public class NearDuplicateTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static string Wire(string tag) =>
        $"Defence ministers of the alliance agreed on Thursday ({tag}) to send further air defence systems to Ukraine before the winter, "
        + "the secretary general told reporters after the meeting in Brussels, adding that several members had offered launchers and missiles "
        + "and that the first deliveries were expected within weeks, while others would fund purchases from industry.";

    [Fact]
    public async Task The_same_wire_story_from_two_outlets_is_linked_and_shown_on_both_documents()
    {
        var tag = Guid.NewGuid().ToString("N");
        fixture.Site.Html($"/a/{tag}.html", ArticlePages.WithChrome("Allies agree air defence for Ukraine", [Wire(tag)]));
        fixture.Site.Html($"/b/{tag}.html", ArticlePages.WithChrome("More air defence for Kyiv", [Wire(tag), "Officials did not name the members."]));
        fixture.Site.Html($"/c/{tag}.html", ArticlePages.WithChrome("Another story", [$"Ukraine asked its partners ({tag}) for more help after a night of attacks on "
            + "power plants, the president said in his evening address, thanking the countries that had already delivered launchers and calling on "
            + "the others to decide before the winter, when the attacks on the grid were expected to grow."]));
        using var client = await fixture.App.CreateClientAsync("Analyst");
        async Task<string> FetchAsync(string path) =>
            (await JsonAsync(await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct))).GetProperty("key").GetString()!;
        var first = await FetchAsync($"/a/{tag}.html");
        var second = await FetchAsync($"/b/{tag}.html");
        var other = await FetchAsync($"/c/{tag}.html");

        var ofFirst = await JsonAsync(await client.GetAsync($"/api/documents/{first}/near-duplicates", Ct));
        var ofSecond = await JsonAsync(await client.GetAsync($"/api/documents/{second}/near-duplicates", Ct));
        var ofOther = await JsonAsync(await client.GetAsync($"/api/documents/{other}/near-duplicates", Ct));

        Assert.Equal([second], ofFirst.EnumerateArray().Select(d => d.GetProperty("key").GetString()));
        Assert.Equal([first], ofSecond.EnumerateArray().Select(d => d.GetProperty("key").GetString()));
        Assert.True(ofFirst[0].GetProperty("similarity").GetDouble() >= 0.6);
        Assert.Equal(0, ofOther.GetArrayLength());
    }
}
