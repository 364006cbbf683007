using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Changes;

[Collection(BrowserCollection.Name)]
public class ChangesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_checks_what_changed_since_a_date_and_finds_the_feed()
    {
        var page = await browser.OpenAsync("/changes?since=2024-03-01");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New documents (1)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("link[rel=alternate][type='application/atom+xml']")).ToHaveAttributeAsync("href", "/changes.atom?since=2024-03-01");
        await BrowserFixture.SaveScreenshotAsync(page, "changes.png");

        var feed = await page.APIRequest.GetAsync(browser.App.BaseUrl + "/changes.atom?since=2024-03-01");
        Assert.Equal("application/atom+xml; charset=utf-8", feed.Headers["content-type"]);
    }
}
