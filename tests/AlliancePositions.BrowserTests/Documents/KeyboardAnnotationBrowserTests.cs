using AlliancePositions.BrowserTests.Workspace;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Documents;

/// <summary>
/// The reader without a mouse: after the page is open, the analyst only presses keys and types. The emoji before the
/// quote makes JavaScript's and C#'s count of UTF-16 code units matter: a span counted in code points would be off by one.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyboardAnnotationBrowserTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    private const string Sentence = "Germany would not send its Taurus missiles to Ukraine.";
    private const string Report = "Berlin \U0001F1E9\U0001F1EA 1 March 2024.\n\n" + Sentence + "\n\nThe opposition disagreed at once.";

    [Fact]
    public async Task Analyst_selects_a_sentence_with_the_keyboard_and_records_a_coded_statement_without_the_mouse()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));
        var documentKey = await CreateDocumentAsync();
        await workspace.GoToAsync(page, $"/documents/{documentKey}");
        // Tab into the text; the caret starts at its top. Down past the empty line between paragraphs to the sentence,
        // then Shift+End. (Each key moves the caret once: the page attaches one keyboard listener, however often it renders.)
        var text = page.GetByRole(AriaRole.Region, new() { Name = "Text to select" });
        // The reader listens for keys once the page's script has attached to the text (later than the text appears on a
        // slow database), and marks the text then.
        await page.Locator(".reader-keys[data-keyboard=ready]").WaitForAsync();
        await TabUntilFocusedAsync(page, text);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Shift+End");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Annotate selection" })).ToBeEnabledAsync();

        // Shift+F10 opens the menu with the focus on its first item; Escape closes it and returns to the text.
        await page.Keyboard.PressAsync("Shift+F10");
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Annotate", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);
        await Assertions.Expect(text).ToBeFocusedAsync();

        // The visible control, one Shift+Tab before the text, opens the same menu; an arrow reaches the statement.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Annotate selection" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Annotate", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        // The menu stays one tab stop: the item the arrow reached takes the first one's place in the tab order.
        var newStatement = page.GetByRole(AriaRole.Menuitem, new() { Name = "New statement from selection" });
        await Assertions.Expect(newStatement).ToBeFocusedAsync();
        await Assertions.Expect(newStatement).ToHaveAttributeAsync("tabindex", "0");
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Annotate", Exact = true })).ToHaveAttributeAsync("tabindex", "-1");
        await page.Keyboard.PressAsync("Enter");

        var form = page.Locator(".statement-form");
        await Assertions.Expect(form.Locator("blockquote")).ToHaveTextAsync(Sentence);
        await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Name = "New statement" })).ToBeFocusedAsync();

        var actor = form.GetByLabel("Actor", new() { Exact = true });
        await TabUntilFocusedAsync(page, actor);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Olaf Scholz");
        // Enter takes the first suggestion: wait until the search has narrowed the list to the name typed.
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToHaveTextAsync("Olaf Scholz");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await Assertions.Expect(actor).ToHaveValueAsync("Olaf Scholz");

        // The first radio of a question is "Not coded"; the arrow moves to the next position and chooses it.
        var troops = form.GetByRole(AriaRole.Group, new() { Name = "Should Western troops be deployed to Ukraine?" });
        var notCoded = troops.GetByRole(AriaRole.Radio, new() { Name = "Not coded" });
        await TabUntilFocusedAsync(page, notCoded);
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(notCoded).Not.ToBeCheckedAsync();

        var save = form.GetByRole(AriaRole.Button, new() { Name = "Save statement" });
        await TabUntilFocusedAsync(page, save);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Statement saved.")).ToBeVisibleAsync();

        var saved = await FindDocumentAsync(documentKey);
        var annotation = Assert.Single(saved.Annotations);
        Assert.Equal(Report.IndexOf(Sentence, StringComparison.Ordinal), annotation.Start);
        Assert.Equal(Report.IndexOf(Sentence, StringComparison.Ordinal) + Sentence.Length, annotation.End);
        Assert.Equal(Sentence, annotation.Exact);
        var statement = Assert.Single(saved.Statements);
        Assert.Equal("Olaf Scholz", statement.ActorName);
        var coding = Assert.Single((await FindStatementAsync(statement.Key)).Codings);
        Assert.Equal(("troop-deployment", -2), (coding.Question, coding.Position));
    }

    private async Task<StatementForEdit> FindStatementAsync(string key)
    {
        await using var scope = workspace.Browser.App.Services.CreateAsyncScope();
        var statement = await scope.ServiceProvider.GetRequiredService<StatementQueries>().FindForEditAsync(key, TestContext.Current.CancellationToken);
        return statement!;
    }

    /// <summary>Presses Tab (at most 60 times) until <paramref name="target"/> holds the focus: the way a keyboard user gets there.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Tab never reached the element.");
    }

    private async Task<string> CreateDocumentAsync()
    {
        await using var scope = workspace.Browser.App.Services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var created = await documents.CreateAsync(new CreateDocumentRequest("Germany keeps its Taurus missiles", Report, PublishedOn: new DateOnly(2024, 3, 1)),
            new Editor("keyboard-test", null), TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded);
        return created.Value!.Key;
    }

    private async Task<DocumentDetail> FindDocumentAsync(string key)
    {
        await using var scope = workspace.Browser.App.Services.CreateAsyncScope();
        var detail = await scope.ServiceProvider.GetRequiredService<DocumentQueries>().FindAsync(key, TestContext.Current.CancellationToken);
        return detail!;
    }
}
