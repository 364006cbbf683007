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
        // The chart is drawn apart from the page and may arrive after the table: counted once it is there.
        var points = page.Locator("svg.stance-chart .chart-point");
        await Assertions.Expect(points.First).ToBeAttachedAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(await points.CountAsync());
        await Assertions.Expect(page.Locator("details.chart-table")).ToHaveAttributeAsync("open", "");

        await page.GetByText("Hide the table").PressAsync(" ");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(show).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Reader_picks_points_on_the_chart_with_the_mouse_and_the_keyboard_and_reads_their_statements()
    {
        var page = await browser.OpenAsync("/actors/emmanuel-macron?asOf=2024-04-30&compare=olaf-scholz");
        var points = page.Locator("svg.stance-chart .chart-point");
        var note = page.Locator(".mud-alert");
        var ring = page.Locator("svg.chart-selection circle").First;
        await Assertions.Expect(points.First).ToBeVisibleAsync();

        await points.First.ClickAsync();
        await Assertions.Expect(note).ToContainTextAsync(await SummaryOfAsync(points.First));
        // The ring is drawn over the point itself (the chart and the ring scale alike with the page's width).
        var dot = await points.First.Locator("circle").Last.BoundingBoxAsync();
        var drawn = await ring.BoundingBoxAsync();
        Assert.InRange(Math.Abs(dot!.X + dot.Width / 2 - (drawn!.X + drawn.Width / 2)), 0, 1.5);
        Assert.InRange(Math.Abs(dot.Y + dot.Height / 2 - (drawn.Y + drawn.Height / 2)), 0, 1.5);

        // From the keyboard: focus a point of the other line and press Space (or Enter), as on any button.
        var last = points.Last;
        await last.FocusAsync();
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(note).ToContainTextAsync(await SummaryOfAsync(last));
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => window.scrollY"));

        await note.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("svg.chart-selection")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_chart_that_cannot_be_drawn_says_so_in_its_place()
    {
        var page = await browser.OpenAsync("/actors/emmanuel-macron");
        var drawing = page.Locator("stance-chart-drawing");
        await Assertions.Expect(drawing.Locator("svg.stance-chart")).ToBeVisibleAsync();

        // As when the chart's address stops answering (the actor deleted meanwhile): the download's own 404.
        await drawing.EvaluateAsync("d => d.setAttribute('src', '/api/actors/nobody-at-all/chart.svg')");

        await Assertions.Expect(drawing.GetByRole(AriaRole.Status)).ToHaveTextAsync("The chart could not be drawn (the app answered 404). Reload the page to try again.");
        await Assertions.Expect(drawing.Locator("svg")).ToHaveCountAsync(0);
    }

    /// <summary>The statement a point names in its spoken label: "…) after "summary"."</summary>
    private static async Task<string> SummaryOfAsync(ILocator point)
    {
        var label = (await point.GetAttributeAsync("aria-label"))!;
        var start = label.IndexOf(" after \"", StringComparison.Ordinal) + 8;
        return label[start..label.LastIndexOf('"')];
    }
}
