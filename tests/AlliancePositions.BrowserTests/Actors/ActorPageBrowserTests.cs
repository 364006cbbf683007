using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Actors;

[Collection(BrowserCollection.Name)]
public class ActorPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_opens_Macrons_page_and_filters_his_timeline_by_topic()
    {
        var page = await browser.OpenAsync("/actors/emmanuel-macron");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Emmanuel Macron");
        var timeline = page.Locator("section.actor-timeline");
        await Assertions.Expect(timeline.GetByText("announcing readiness to send NATO troops", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(timeline.GetByRole(AriaRole.Link, new() { Name = "Blinken's talks in Paris" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Stance of Emmanuel Macron over time" })).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "actor.png");

        await page.GetByLabel("Filter by topic").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Military aid" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/actors/emmanuel-macron\\?topic=military-aid$"));
        await Assertions.Expect(timeline.GetByText("announcing readiness to send NATO troops", new() { Exact = false })).ToHaveCountAsync(0);
        await Assertions.Expect(timeline.GetByText("intensify support for Ukraine", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Analyst_compares_Macron_with_Scholz_and_sees_how_sure_their_disagreement_on_troops_is()
    {
        var page = await browser.OpenAsync("/actors/emmanuel-macron?asOf=2024-04-30");

        await page.GetByLabel("Compare with another actor").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Olaf Scholz" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("compare=olaf-scholz"));
        var troops = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Should Western troops be deployed to Ukraine?" });
        await Assertions.Expect(troops).ToContainTextAsync("Uncertain (28%, 95% 0%–61%)");
        await Assertions.Expect(troops.Locator("td.interval").First).ToHaveTextAsync("+0.24 to +1.93");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Stance of Emmanuel Macron and Olaf Scholz over time" })).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "actor-compare.png");
    }

    [Fact]
    public async Task Reader_opens_the_chart_as_a_table_from_the_keyboard_and_closes_it_again()
    {
        var page = await browser.OpenAsync("/actors/emmanuel-macron?asOf=2024-04-30");
        var show = page.GetByText("Show the chart as a table");
        var rows = page.Locator("details.chart-table table.chart-data tbody tr");
        await Assertions.Expect(show).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);

        await show.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // One row per point of the chart, each naming the statement that set it.
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(await page.Locator("svg.stance-chart .chart-point").CountAsync());
        await Assertions.Expect(page.Locator("details.chart-table")).ToHaveAttributeAsync("open", "");

        await page.GetByText("Hide the table").PressAsync(" ");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(show).ToBeFocusedAsync();
    }
}
