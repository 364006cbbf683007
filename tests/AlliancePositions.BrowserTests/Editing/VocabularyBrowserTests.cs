using AlliancePositions.BrowserTests.Workspace;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Editing;

[Collection(BrowserCollection.Name)]
public class VocabularyBrowserTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    private const string Strikes = "Should Ukraine strike targets inside Russia with Western weapons?";

    [Fact]
    public async Task Analyst_adds_a_question_for_a_new_debate_and_codes_a_statement_on_it()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Questions and topics" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a question" }).ClickAsync();
        var form = page.Locator(".question-form");
        await form.GetByLabel("Question", new() { Exact = true }).FillAsync(Strikes);
        await form.GetByLabel("Topic").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Escalation" }).ClickAsync();
        // The pick's render (the list closing, focus back on the select) must be back before typing in the next box,
        // or it can take that box's text away.
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "Escalation" })).ToBeHiddenAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Combobox, new() { Name = "Topic" })).ToHaveTextAsync("Escalation");
        await form.GetByLabel("What −2 means").FillAsync("Rules out any such strikes");
        await form.GetByLabel("What +2 means").FillAsync("Calls for strikes without limits");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Saved the question \"{Strikes}\"")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Strikes })).ToBeVisibleAsync();

        await workspace.GoToAsync(page, "/statements/scholz-warns");
        var coding = page.GetByRole(AriaRole.Group, new() { Name = "Your coding" });
        await Assertions.Expect(coding.GetByLabel("Question")).ToBeEnabledAsync();
        await coding.GetByLabel("Question").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = Strikes })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = Strikes }).ClickAsync();
        await Assertions.Expect(coding.GetByLabel("Question")).ToHaveValueAsync(Strikes);
        await coding.GetByLabel("Position").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "−2 · Rules out any such strikes" }).ClickAsync();
        await coding.GetByRole(AriaRole.Button, new() { Name = "Save coding" }).ClickAsync();

        var row = page.Locator(".codings-table tbody tr").Filter(new() { HasText = Strikes });
        await Assertions.Expect(row).ToContainTextAsync("\u22122");
    }
}
