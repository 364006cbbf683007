using AlliancePositions.Web.Actors;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Actors;

public class ActorsPageTests : SeededComponentTest
{
    public ActorsPageTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Actors_are_listed_with_kind_country_and_a_link()
    {
        Render<MudPopoverProvider>();
        var page = Render<ActorsPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/actors/emmanuel-macron"));
        var macron = page.FindAll("tr").Single(r => r.TextContent.Contains("Emmanuel Macron", StringComparison.Ordinal));
        Assert.Contains("Person", macron.TextContent, StringComparison.Ordinal);
        Assert.Contains("FR", macron.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Searching_by_alias_finds_the_actor()
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actors?q=the%20chancellor");
        var page = Render<ActorsPage>();

        page.WaitForAssertion(() => Assert.Contains("Olaf Scholz", page.Find("table").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Emmanuel Macron", page.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_with_no_match_says_what_to_do()
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actors?q=zzz");
        var page = Render<ActorsPage>();

        page.WaitForAssertion(() => Assert.Contains("No actor matches", page.Markup, StringComparison.Ordinal));
    }
}
