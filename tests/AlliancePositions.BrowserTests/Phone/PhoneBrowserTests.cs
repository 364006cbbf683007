using System.Text.RegularExpressions;
using AlliancePositions.BrowserTests.Workspace;
using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Phone;

/// <summary>
/// The app on a 390x844 phone, touch and all, with a server of its own: the touch journey adds an annotation the other
/// browser tests must not see.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PhoneBrowserTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    private const int Width = 390;

    private static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new ViewportSize { Width = Width, Height = 844 }, HasTouch = true, IsMobile = true, DeviceScaleFactor = 2,
    };

    [Fact]
    public async Task Every_app_bar_control_is_reachable_on_a_phone()
    {
        var page = await workspace.Browser.OpenAsync("/", Phone);
        await AssertNoSidewaysScrollAsync(page);
        await AssertReachableAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }));
        await AssertReachableAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "AlliancePositions" }));

        var tools = page.GetByRole(AriaRole.Button, new() { Name = "Search, dates and account" });
        await AssertReachableAsync(page, tools);
        await tools.TapAsync();
        await Assertions.Expect(tools).ToHaveAttributeAsync("aria-expanded", "true");
        await BrowserFixture.SaveScreenshotAsync(page, "phone-menu.png", fullPage: false);
        foreach (var control in new[]
                 {
                     page.GetByRole(AriaRole.Textbox, new() { Name = "Search" }),
                     page.GetByRole(AriaRole.Textbox, new() { Name = "As of date" }),
                     page.GetByRole(AriaRole.Textbox, new() { Name = "Known at date" }),
                     page.Locator(".lens-choice .mud-input").First,
                     page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" }),
                     page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }),
                 })
            await AssertReachableAsync(page, control);
        await AssertNoSidewaysScrollAsync(page);

        // A typed date applies from the panel as it does from the bar.
        var asOf = page.GetByRole(AriaRole.Textbox, new() { Name = "As of date" });
        await asOf.FillAsync("2024-03-01");
        await asOf.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(AsOfInUrl());
        // No calendar is left open over the panel to be tapped away.
        await Assertions.Expect(page.Locator(".mud-picker-calendar-header-switch")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).TapAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
    }

    [Fact]
    public async Task The_statements_list_shows_each_statements_values_inside_a_phone_screen()
    {
        var page = await workspace.Browser.OpenAsync("/statements", Phone);
        var first = page.Locator(".statement-row").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        foreach (var value in new[] { ".statement-date", ".statement-actor", ".statement-kind", ".statement-summary", ".statement-grade", ".statement-coding" })
        {
            var cell = first.Locator(value).First;
            await Assertions.Expect(cell).ToBeVisibleAsync();
            Assert.False(string.IsNullOrWhiteSpace(await cell.InnerTextAsync()), $"{value} is empty");
            await AssertInsideAsync(cell, value);
        }
        // Each value says what it is, as the column heading does on a wide screen.
        foreach (var label in new[] { "Date", "Actor", "Kind", "Credibility" })
            await Assertions.Expect(first.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex($"^{label} \\S") })).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "phone-statements.png", fullPage: false);
    }

    [Fact]
    public async Task The_actor_chart_keeps_readable_text_and_the_stance_table_is_not_cut_on_a_phone()
    {
        var page = await workspace.Browser.OpenAsync("/actors/emmanuel-macron", Phone);
        var chart = page.Locator("svg.stance-chart");
        await Assertions.Expect(chart.Locator(".chart-point").First).ToBeAttachedAsync();
        // The smallest chart text is 10 units of the chart's own width: drawn at no less than one pixel per unit.
        var scale = await chart.EvaluateAsync<double>("svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width");
        Assert.True(scale >= 1, $"The chart is drawn at {scale:0.00} px per unit: its 10-unit labels would be {10 * scale:0.0} px.");
        await AssertNoSidewaysScrollAsync(page);

        // The stance table fits, or scrolls inside its own box: every column can be reached.
        var table = page.Locator(".actor-stances table").First;
        await Assertions.Expect(table).ToBeVisibleAsync();
        var fits = await table.EvaluateAsync<bool>("""
            t => { const box = t.closest('.stance-table-scroll') ?? t.parentElement;
                   return t.getBoundingClientRect().right <= window.innerWidth + 0.5
                       || (box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX !== 'hidden' && box.getBoundingClientRect().right <= window.innerWidth + 0.5); }
            """);
        Assert.True(fits, "The stance table runs past the screen's edge with no way to scroll to it.");
        await page.EvaluateAsync("document.querySelector('svg.stance-chart').scrollIntoView({ block: 'center' })");
        await BrowserFixture.SaveScreenshotAsync(page, "phone-actor.png", fullPage: false);
    }

    [Fact]
    public async Task An_analyst_annotates_a_passage_by_touch_on_a_phone()
    {
        var email = await workspace.CreateUserAsync("Analyst");
        var (document, sentence) = await UnannotatedSentenceAsync();
        var page = await workspace.Browser.OpenAsync("/", Phone);

        // Sign in from the folded app bar.
        await page.GetByRole(AriaRole.Button, new() { Name = "Search, dates and account" }).TapAsync();
        await WorkspaceFixture.FollowToSignInAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).TapAsync());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WorkspaceFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).TapAsync();
        await WorkspaceFixture.WaitInteractiveAsync(page);
        await workspace.GoToAsync(page, $"/documents/{document}");
        // The text is marked once the page's script listens to it (later than the text appears on a slow database).
        await page.Locator(".reader-keys[data-keyboard=ready]").WaitForAsync();

        // A long press on the passage, then the selection handles dragged to its end: the page sees a touch on the
        // text and then only selection changes (the handles are the browser's own, and send the page no events).
        var start = await page.EvaluateAsync<double[]>(PointOf, sentence);
        await page.Touchscreen.TapAsync((float)start[0], (float)start[1]);
        await page.EvaluateAsync(SelectPassage, sentence);

        var annotate = page.GetByRole(AriaRole.Menuitem, new() { Name = "Annotate" });
        await Assertions.Expect(annotate).ToBeVisibleAsync();
        await AssertInsideAsync(annotate, "the Annotate menu item");
        await BrowserFixture.SaveScreenshotAsync(page, "phone-annotate.png", fullPage: false);
        await annotate.TapAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save annotation" }).TapAsync();

        var marks = page.Locator(".annotated-text mark.annotation");
        await Assertions.Expect(marks.Filter(new() { HasText = sentence[..20] }).First).ToBeVisibleAsync();
        Assert.Contains(sentence, string.Concat(await marks.AllTextContentsAsync()), StringComparison.Ordinal);
    }

    /// <summary>The page scrolls only up and down: nothing runs past the right edge.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var width = await page.EvaluateAsync<double>("document.scrollingElement.scrollWidth");
        Assert.True(width <= Width, $"The page is {width} px wide on a {Width} px screen.");
    }

    /// <summary>Visible, inside the screen and the first thing under a finger at its centre (a trial tap: nothing is pressed).</summary>
    private static async Task AssertReachableAsync(IPage page, ILocator control)
    {
        await Assertions.Expect(control).ToBeVisibleAsync();
        await AssertInsideAsync(control, control.ToString() ?? "a control");
        await control.TapAsync(new() { Trial = true, Timeout = 5_000 });
    }

    private static async Task AssertInsideAsync(ILocator element, string what)
    {
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= Width + 0.5, $"{what} spans {box.X:0}–{box.X + box.Width:0} px on a {Width} px screen.");
    }

    /// <summary>A sentence of the seeded document that no annotation touches yet, with the document's key.</summary>
    private async Task<(string Document, string Sentence)> UnannotatedSentenceAsync()
    {
        await using var db = await workspace.Browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var document in await db.Documents.OrderBy(d => d.Key).Select(d => new { d.Key, d.Text }).ToListAsync())
        {
            var spans = await db.Annotations.Where(a => a.Document.Key == document.Key).Select(a => new { a.Start, a.End }).ToListAsync();
            foreach (Match sentence in Sentence().Matches(document.Text))
                if (sentence.Length >= 40 && !spans.Any(s => s.Start < sentence.Index + sentence.Length && sentence.Index < s.End))
                    return (document.Key, sentence.Value);
        }
        throw new InvalidOperationException("Every sentence of the seed is annotated.");
    }

    private const string Locate = """
        const text = document.querySelector('.annotated-text');
        const at = text.textContent.indexOf(sentence);
        const point = (offset) => {
            const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            let seen = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (offset < seen + node.data.length) return [node, offset - seen];
                seen += node.data.length;
            }
        };
        """;

    private const string PointOf = "sentence => {" + Locate + """
            const [node, index] = point(at);
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + 1);
            range.startContainer.parentElement.scrollIntoView({ block: 'center' });
            const rect = range.getBoundingClientRect();
            return [rect.left + rect.width / 2, rect.top + rect.height / 2];
        }
        """;

    private const string SelectPassage = "sentence => {" + Locate + """
            const [startNode, startIndex] = point(at);
            const [endNode, endIndex] = point(at + sentence.length - 1);
            window.getSelection().setBaseAndExtent(startNode, startIndex, endNode, endIndex + 1);
        }
        """;

    [GeneratedRegex(@"[A-Z][^.!?\n]*[.!?]")]
    private static partial Regex Sentence();

    [GeneratedRegex("asOf=2024-03-01")]
    private static partial Regex AsOfInUrl();

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPage();
}
