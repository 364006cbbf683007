using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Phone;

[Collection(BrowserCollection.Name)]
public class PhoneDarkThemeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_a_phone_the_tools_panel_takes_the_app_bar_colour_of_either_theme()
    {
        var page = await browser.OpenAsync("/", new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
        });
        var tools = page.GetByRole(AriaRole.Button, new() { Name = "Search, dates and account" });
        await tools.TapAsync();
        var panel = page.Locator("#appbar-tools");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        var lightBar = await BackgroundAsync(page, ".mud-appbar");
        Assert.Equal(lightBar, await BackgroundAsync(page, "#appbar-tools"));

        await panel.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" }).TapAsync();
        await Assertions.Expect(page.Locator(".mud-appbar")).Not.ToHaveCSSAsync("background-color", lightBar);

        Assert.Equal(await BackgroundAsync(page, ".mud-appbar"), await BackgroundAsync(page, "#appbar-tools"));
        await BrowserFixture.SaveScreenshotAsync(page, "phone-menu-dark.png", fullPage: false);
    }

    private static Task<string> BackgroundAsync(IPage page, string selector) =>
        page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
}
