using AlliancePositions.Web.Search;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Search;

public class SearchPageTests : SeededComponentTest
{
    private IRenderedComponent<SearchPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<SearchPage>();
    }

    [Fact]
    public void Search_finds_actors_by_name_and_statements_by_their_words()
    {
        var page = RenderAt("/search?q=Scholz");
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/actors/olaf-scholz" && a.TextContent == "Olaf Scholz"));
        Assert.Contains(page.FindAll("h2"), h => h.TextContent.StartsWith("Actors", StringComparison.Ordinal));
        Assert.Contains(page.FindAll("h2"), h => h.TextContent.StartsWith("Statements", StringComparison.Ordinal));
        Assert.Contains("Scholz advises Macron", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_with_no_match_says_what_to_try()
    {
        var page = RenderAt("/search?q=zzqqxx");
        page.WaitForAssertion(() => Assert.Contains("Nothing matches \"zzqqxx\"", page.Markup, StringComparison.Ordinal));
    }
}
