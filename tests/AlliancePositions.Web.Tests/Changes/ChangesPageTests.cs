using AlliancePositions.Web.Changes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Changes;

public class ChangesPageTests : SeededComponentTest
{
    private IRenderedComponent<ChangesPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudPopoverProvider>();
        return Render<ChangesPage>();
    }

    [Fact]
    public void Changes_since_a_date_list_new_documents_and_statements_by_question_and_actor()
    {
        var page = RenderAt("/changes?since=2024-03-01");
        page.WaitForAssertion(() => Assert.Contains("New documents (1)", page.Markup, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("h3"), h => h.TextContent.Contains("Should Western troops be deployed to Ukraine?", StringComparison.Ordinal));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/actors/antony-blinken");
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/changes.atom?since=2024-03-01");
    }

    [Fact]
    public void Nothing_new_says_to_pick_an_earlier_date()
    {
        var page = RenderAt("/changes?since=2099-01-01");
        page.WaitForAssertion(() => Assert.Contains("Nothing new since 1 Jan 2099", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Unreadable_since_is_reported()
    {
        var page = RenderAt("/changes?since=soon");
        page.WaitForAssertion(() => Assert.Contains("\"soon\" is not a date", page.Markup, StringComparison.Ordinal));
    }
}
