using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Home;

[Collection(BrowserCollection.Name)]
public class HomePageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Visitor_opens_the_home_page_and_sees_who_stands_where()
    {
        // Shortly after the seed report: two years on, methodology 2.0 finds its evidence too old to place anyone.
        var page = await browser.OpenAsync("/?asOf=2024-04-30");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who in the alliance stands where");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Latest statements" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Olaf Scholz" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".split-row").Filter(new() { HasText = "Opposes" }).GetByRole(AriaRole.Link, new() { Name = "Olaf Scholz" }).First).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "home.png");
    }
}
