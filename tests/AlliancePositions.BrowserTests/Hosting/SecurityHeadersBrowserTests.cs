using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Hosting;

[Collection(BrowserCollection.Name)]
public class SecurityHeadersBrowserTests(BrowserFixture browser)
{
    /// <summary>Chromium reports each blocked script, style or connection on the console; none may appear.</summary>
    [Fact]
    public async Task Analyst_browses_the_pages_and_the_content_security_policy_blocks_nothing_they_need()
    {
        var page = await browser.OpenAsync("/");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add($"{page.Url}: {message.Text}");
        };

        foreach (var path in new[] { "/", "/questions/troop-deployment", "/actors/emmanuel-macron", "/documents/a76fa100f53b", "/changes", "/statements" })
        {
            var response = await page.GotoAsync(browser.App.BaseUrl + path);
            Assert.Contains("script-src 'self' 'nonce-", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
            await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        }
        // A MudBlazor popover (positioned with inline styles) and the circuit's round trip behind it.
        await page.GetByLabel("Topic").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Troop deployment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("7 statements match")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
