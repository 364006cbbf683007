using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Statements;

[Collection(BrowserCollection.Name)]
public partial class StatementsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_filters_statements_by_topic_and_reloads_the_same_view()
    {
        var page = await browser.OpenAsync("/statements");
        await Assertions.Expect(page.GetByText("12 statements match")).ToBeVisibleAsync();

        await page.GetByLabel("Topic").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Troop deployment" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(TopicInUrl());
        await Assertions.Expect(page.GetByText("7 statements match")).ToBeVisibleAsync();
        var rows = page.Locator("tr.statement-row");
        await Assertions.Expect(rows).ToHaveCountAsync(7);
        await Assertions.Expect(rows.Filter(new() { HasText = "Scholz advises Macron not to take the step" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "NATO and US troops need not be involved" })).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByText("7 statements match")).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByLabel("Topic").First).ToHaveValueAsync("Troop deployment");
        await BrowserFixture.SaveScreenshotAsync(page, "statements.png");
    }

    [Fact]
    public async Task Analyst_picks_a_question_and_sees_how_the_statements_split()
    {
        var page = await browser.OpenAsync("/statements?question=troop-deployment");
        var split = page.GetByRole(AriaRole.Region, new() { Name = "Split by position" });
        await Assertions.Expect(split).ToContainTextAsync("Rules out sending Western troops to Ukraine");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href", "/api/statements.csv?question=troop-deployment");
        await BrowserFixture.SaveScreenshotAsync(page, "statements-split.png");
    }

    [GeneratedRegex("topic=troop-deployment")]
    private static partial Regex TopicInUrl();
}
