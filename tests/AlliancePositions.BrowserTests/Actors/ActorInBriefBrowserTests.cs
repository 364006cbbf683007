using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Actors;

[Collection(BrowserCollection.Name)]
public class ActorInBriefBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Reader_reads_Macrons_record_in_brief_and_follows_the_actor_most_like_him()
    {
        var page = await browser.OpenAsync("/actors/emmanuel-macron?asOf=2024-04-30&knownAt=2024-04-30");

        var inBrief = page.GetByRole(AriaRole.Region, new() { Name = "In brief" });
        await Assertions.Expect(inBrief.GetByText("Emmanuel Macron has consistently supported (leaning towards", new() { Exact = false })).ToBeVisibleAsync();
        var similar = page.GetByRole(AriaRole.Region, new() { Name = "Actors most like Emmanuel Macron" });
        await Assertions.Expect(similar.GetByRole(AriaRole.Columnheader, new() { Name = "Questions in common" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Stance of Emmanuel Macron over time" })).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "actor-in-brief.png");

        var first = similar.Locator("tbody th a").First;
        var name = await first.TextContentAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name!);
    }

    [Fact]
    public async Task On_a_phone_the_sentences_and_similar_actors_fit_the_screen()
    {
        var page = await browser.OpenAsync("/actors/emmanuel-macron?asOf=2024-04-30&knownAt=2024-04-30", new ViewportSize { Width = 390, Height = 844 });

        var sentence = page.Locator(".stance-sentence").First;
        await Assertions.Expect(sentence).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".similar-actors")).ToBeVisibleAsync();
        var box = await sentence.BoundingBoxAsync();
        Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 390, $"the sentence runs off the screen: {box?.X} + {box?.Width}");
        var table = await page.Locator(".similar-actors").BoundingBoxAsync();
        Assert.True(table is { } t && t.X + t.Width <= 390, $"the similar actors run off the screen: {table?.X} + {table?.Width}");
        await page.Locator("#in-brief-heading").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "actor-in-brief-phone.png", fullPage: false);
    }
}
