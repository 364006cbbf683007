using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Documents;

[Collection(BrowserCollection.Name)]
public partial class DocumentReaderBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_clicks_a_highlighted_quote_and_sees_the_statement_it_evidences()
    {
        var page = await browser.OpenAsync("/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "Macron seeks a tougher Western stance on Putin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Macron seeks a tougher Western stance");

        var quote = page.GetByRole(AriaRole.Button, new() { Name = "Scholz explained to him that the leaders of other countries" });
        await quote.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SelectedScholzAdvice());
        var side = page.GetByRole(AriaRole.Complementary, new() { Name = "Selected annotation" });
        await Assertions.Expect(side.GetByRole(AriaRole.Heading, new() { Name = "Selected annotation" })).ToBeVisibleAsync();
        await Assertions.Expect(side.GetByRole(AriaRole.Link, new() { Name = "Olaf Scholz" })).ToBeVisibleAsync();
        await Assertions.Expect(quote).ToHaveAttributeAsync("aria-pressed", "true");
        // A full-page shot of a scrolled page draws the fixed app bar mid-page; from the top it sits where a reader sees it.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.SaveScreenshotAsync(page, "document.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Olaf Scholz" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ScholzPage());
    }

    [GeneratedRegex("/documents/a76fa100f53b\\?annotation=an-scholz-advice$")]
    private static partial Regex SelectedScholzAdvice();

    [GeneratedRegex("/actors/olaf-scholz$")]
    private static partial Regex ScholzPage();
}
