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
    public void Search_finds_questions_by_their_title_and_by_their_key()
    {
        var byTitle = RenderAt("/search?q=Western troops");
        byTitle.WaitForAssertion(() => Assert.Contains(byTitle.FindAll("a"),
            a => a.GetAttribute("href") == "/questions/troop-deployment" && a.TextContent == "Should Western troops be deployed to Ukraine?"));
        Assert.Contains(byTitle.FindAll("h2"), h => h.TextContent.StartsWith("Questions", StringComparison.Ordinal));

        var byKey = RenderAt("/search?q=troop-deployment");
        byKey.WaitForAssertion(() => Assert.Contains(byKey.FindAll("a"), a => a.GetAttribute("href") == "/questions/troop-deployment"));
    }

    [Fact]
    public void The_search_box_keeps_the_query_on_the_results_page_and_follows_a_new_one()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/search?q=Scholz%20Macron");
        var box = Render<AlliancePositions.Web.Components.Shared.SearchBox>();

        Assert.Equal("Scholz Macron", box.Find("input").GetAttribute("value"));
        navigation.NavigateTo("/search?q=troops");
        box.WaitForAssertion(() => Assert.Equal("troops", box.Find("input").GetAttribute("value")));
    }

    [Fact]
    public void Search_with_no_match_says_what_to_try()
    {
        var page = RenderAt("/search?q=zzqqxx");
        page.WaitForAssertion(() => Assert.Contains("Nothing matches \"zzqqxx\"", page.Markup, StringComparison.Ordinal));
    }
}
