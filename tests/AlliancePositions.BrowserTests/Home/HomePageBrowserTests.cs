using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Home;

[Collection(BrowserCollection.Name)]
public class HomePageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Visitor_opens_the_home_page_and_sees_who_stands_where()
    {
        var page = await browser.OpenAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who in the alliance stands where");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Latest statements" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Olaf Scholz" }).First).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "home.png");
    }
}
