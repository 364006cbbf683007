using System.Globalization;
using System.Text.RegularExpressions;
using AlliancePositions.BrowserTests.Workspace;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Suggestions;

[Collection(BrowserCollection.Name)]
public partial class SuggestionReviewBrowserTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    [Fact]
    public async Task Analyst_adds_a_story_accepts_two_suggestions_with_the_keyboard_corrects_one_in_the_form_and_rejects_one()
    {
        // A Friday story, the latest Friday up to today, so the evidence is recent for the stance pages.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var friday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));
        var tuesday = friday.AddDays(-3).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        const string Story = "Emmanuel Macron said on Tuesday that Europe must be ready to send troops to Ukraine to guarantee a ceasefire. "
            + "He warned that Russia would test any hesitation.\n\n"
            + "The Estonian defence minister told reporters on Wednesday that NATO should step up its support for Ukraine at once.\n\n"
            + "A senior Polish diplomat said the plan was premature.";
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));

        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Macron and Estonia on troops");
        var published = page.GetByLabel("Published");
        await published.FillAsync(friday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await published.BlurAsync();
        await page.GetByLabel("Text").FillAsync(Story);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(DocumentUrl());

        // The suggestions are there at once, highlighted and listed in reading order.
        var panel = page.Locator(".suggestion-panel");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Suggested statements (4)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("mark.suggested").First).ToBeVisibleAsync();
        var cards = panel.Locator(".suggestion-card");
        await Assertions.Expect(cards.Nth(0)).ToContainTextAsync("Emmanuel Macron");
        await Assertions.Expect(cards.Nth(0)).ToContainTextAsync(tuesday);
        await Assertions.Expect(cards.Nth(2)).ToContainTextAsync("Hanno Pevkur");
        await Assertions.Expect(cards.Nth(3)).ToContainTextAsync("A senior Polish diplomat");
        await BrowserFixture.SaveScreenshotAsync(page, "suggestions.png");

        // Two accepted with the keyboard.
        var keysReady = page.Locator(".suggestion-panel[data-keys=ready]");
        await keysReady.WaitForAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Suggested statements (3)" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Suggested statements (2)" })).ToBeVisibleAsync();

        // One opened in the form (e), pre-filled, corrected (coded on a question) and saved.
        await keysReady.WaitForAsync();
        await page.Keyboard.PressAsync("e");
        var form = page.Locator(".statement-form");
        await Assertions.Expect(form.GetByLabel("Actor", new() { Exact = true })).ToHaveValueAsync("Hanno Pevkur");
        await Assertions.Expect(form.GetByText("Suggested date from: “on Wednesday”")).ToBeVisibleAsync();
        var support = form.GetByRole(AriaRole.Group, new() { Name = "Should support for Ukraine be intensified?" });
        await support.GetByText("Support should be intensified").First.ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Statement saved.")).ToBeVisibleAsync();

        // The last one rejected.
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Suggested statements (1)" })).ToBeVisibleAsync();
        await keysReady.WaitForAsync();
        await page.Keyboard.PressAsync("x");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Suggested statements (0)" })).ToBeVisibleAsync();

        // The accepted statements on the actors' timelines, and the coded one in the question's matrix.
        await workspace.GoToAsync(page, "/actors/emmanuel-macron");
        await Assertions.Expect(page.GetByText("Europe must be ready to send troops to Ukraine to guarantee a ceasefire").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Russia would test any hesitation").First).ToBeVisibleAsync();
        await workspace.GoToAsync(page, "/actors/hanno-pevkur");
        await Assertions.Expect(page.GetByText("NATO should step up its support for Ukraine at once").First).ToBeVisibleAsync();
        await workspace.GoToAsync(page, "/questions/intensify-support");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hanno Pevkur" }).First).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/documents/[0-9a-f]{12}")]
    private static partial Regex DocumentUrl();
}
