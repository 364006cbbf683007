using AlliancePositions.Web.Statements;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Statements;

public class StatementsPageTests : SeededComponentTest
{
    private IRenderedComponent<StatementsPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudPopoverProvider>();
        return Render<StatementsPage>();
    }

    [Fact]
    public void Topic_filter_shows_only_statements_on_that_topic()
    {
        var page = RenderAt("/statements?topic=troop-deployment");
        page.WaitForAssertion(() =>
        {
            Assert.Contains("7 statements match", page.Find(".statements-count").TextContent, StringComparison.Ordinal);
            Assert.Contains("Scholz advises Macron not to take the step", page.Markup, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("NATO and US troops need not be involved", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_link_to_actor_and_document_and_show_date_with_its_precision_and_grade()
    {
        var page = RenderAt("/statements?actor=olaf-scholz");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.statement-row")));
        var row = page.Find("tr.statement-row");
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/actors/olaf-scholz");
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/documents/a76fa100f53b");
        Assert.Equal("Feb 2024", row.QuerySelector(".statement-date")!.TextContent);
        Assert.Matches("^[A-F]2$", row.QuerySelector(".statement-grade")!.TextContent);
        Assert.Contains("troop-deployment", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_actor_shows_the_problem_next_to_the_filter()
    {
        var page = RenderAt("/statements?actor=nobody-at-all");
        page.WaitForAssertion(() => Assert.Contains("No actor has the key \"nobody-at-all\"", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("tr.statement-row"));
    }

    [Fact]
    public void Unreadable_values_in_the_address_are_reported()
    {
        var page = RenderAt("/statements?kind=rumour&from=2024-02-30");
        page.WaitForAssertion(() => Assert.Contains("\"rumour\" is not a kind of statement", page.Markup, StringComparison.Ordinal));
        Assert.Contains("\"2024-02-30\" is not a date", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_matching_nothing_says_how_to_widen_it()
    {
        var page = RenderAt("/statements?topic=gaza");
        page.WaitForAssertion(() => Assert.Contains("No statements match this filter.", page.Markup, StringComparison.Ordinal));
        Assert.Contains("choose a broader topic", page.Markup, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "Clear all filters");
    }

    [Fact]
    public void Question_filter_shows_the_split_by_position_in_the_questions_words()
    {
        var page = RenderAt("/statements?question=troop-deployment");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("section.position-split")));
        var split = page.Find("section.position-split").TextContent;
        Assert.Contains("Rules out sending Western troops to Ukraine", split, StringComparison.Ordinal);
        Assert.Contains("Calls for sending Western troops", split, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_filter_puts_it_in_the_address_and_reloads_the_rows()
    {
        var page = RenderAt("/statements");
        page.WaitForAssertion(() => Assert.Contains("12 statements match", page.Find(".statements-count").TextContent, StringComparison.Ordinal));
        var navigation = Services.GetRequiredService<NavigationManager>();

        var text = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Text in summaries and quotes");
        await text.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync("Blinken"));

        Assert.EndsWith("/statements?q=Blinken", navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("2 statements match", page.Find(".statements-count").TextContent, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("tr.statement-row"), row => row.TextContent.Contains("Blinken expresses the desire", StringComparison.Ordinal));

        navigation.NavigateTo("/statements?kind=action");

        page.WaitForAssertion(() => Assert.Contains("2 statements match", page.Find(".statements-count").TextContent, StringComparison.Ordinal));
        Assert.Contains("kind=action", page.Find("a[download]").GetAttribute("href"), StringComparison.Ordinal);
    }
}
