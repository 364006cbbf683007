using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Countries;

[Collection(BrowserCollection.Name)]
public partial class BlocBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_opens_nato_after_Swedens_accession_and_follows_a_member_to_its_stance()
    {
        var page = await browser.OpenAsync("/blocs?asOf=2024-04-30");
        await page.GetByRole(AriaRole.Link, new() { Name = "NATO" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("NATO");
        var members = page.GetByRole(AriaRole.Region, new() { Name = "Members on 30 Apr 2024" });
        await Assertions.Expect(members.GetByRole(AriaRole.Link, new() { Name = "Sweden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("1.5 × largest camp").First).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "bloc.png");

        await members.GetByRole(AriaRole.Link, new() { Name = "France" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(FranceAsOf());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("France");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Emmanuel Macron" }).First).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "country.png");
    }

    [GeneratedRegex("/countries/fr\\?asOf=2024-04-30$")]
    private static partial Regex FranceAsOf();
}
