using AlliancePositions.BrowserTests.Workspace;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Editing;

/// <summary>Edit, delete, undo and restore, where each record is shown, as an analyst and an Admin do them in the browser.</summary>
[Collection(BrowserCollection.Name)]
public class EditingBrowserTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    [Fact]
    public async Task Analyst_edits_a_statement_deletes_a_coding_and_the_statement_and_undoes_both()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));
        await workspace.GoToAsync(page, "/statements/scholz-warns");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit statement" }).ClickAsync();
        await page.GetByLabel("Summary").FillAsync("Scholz warns Macron off sending troops.");
        await BrowserFixture.SaveScreenshotAsync(page, "statement-edit.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".statement-summary")).ToHaveTextAsync("Scholz warns Macron off sending troops.");

        var codings = page.Locator(".codings-table tbody tr");
        await Assertions.Expect(codings).ToHaveCountAsync(3);
        await codings.First.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(codings).ToHaveCountAsync(2);
        await UndoAsync(page, "coding");
        await Assertions.Expect(codings).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete statement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Statements" })).ToBeVisibleAsync();
        await UndoAsync(page, "Statement");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/statements/scholz-warns$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Olaf Scholz");
        await Assertions.Expect(page.Locator(".statement-summary")).ToHaveTextAsync("Scholz warns Macron off sending troops.");
    }

    [Fact]
    public async Task Analyst_edits_and_deletes_a_meeting_and_an_admin_restores_it()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));
        await workspace.GoToAsync(page, "/meetings/feb-2024-calls");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit meeting" }).ClickAsync();
        await page.GetByLabel("Place").FillAsync("By telephone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByText("By telephone")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete meeting" }).ClickAsync();
        await Assertions.Expect(Snackbar(page, "Meeting").GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Meetings" })).ToBeVisibleAsync();

        await page.CloseAsync();
        var admin = await workspace.SignInAsync(await workspace.CreateUserAsync("Admin"));
        await workspace.GoToAsync(admin, "/admin/deleted");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Macron's calls with Biden and Scholz" });
        await Assertions.Expect(row).ToContainTextAsync("Meeting");
        await row.GetByRole(AriaRole.Button, new() { Name = "Restore" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByText("Restored: Macron's calls with Biden and Scholz")).ToBeVisibleAsync();
        await workspace.GoToAsync(admin, "/meetings/feb-2024-calls");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Macron's calls with Biden and Scholz");
    }

    [Fact]
    public async Task Analyst_edits_a_document_and_an_annotation_deletes_both_and_an_admin_restores_them()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));
        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("A report to tidy up");
        await page.GetByLabel("Text").FillAsync($"Report {Guid.NewGuid():N}: no ground troops will be sent.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("A report to tidy up");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit document" }).ClickAsync();
        await page.Locator(".document-edit-form").GetByLabel("Title").FillAsync("A tidied report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("A tidied report");

        await WorkspaceFixture.SelectWithMouseAsync(page, "ground troops");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Annotate" }).ClickAsync();
        await page.GetByLabel("Note (optional)").FillAsync("first note");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save annotation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit annotation" }).ClickAsync();
        await page.Locator(".annotation-edit-form").GetByLabel("Note").FillAsync("second note");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save annotation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-detail")).ToContainTextAsync("second note");
        // The save has finished when its form closes: the next action starts from the saved annotation, as a user's would.
        await Assertions.Expect(page.Locator(".annotation-edit-form")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete annotation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotated-text mark")).ToHaveCountAsync(0);
        await UndoAsync(page, "Annotation");
        await Assertions.Expect(page.Locator(".annotated-text mark")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete annotation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotated-text mark")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete document" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Documents" })).ToBeVisibleAsync();

        await page.CloseAsync();
        var admin = await workspace.SignInAsync(await workspace.CreateUserAsync("Admin"));
        await workspace.GoToAsync(admin, "/admin/deleted");
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Document" }).Filter(new() { HasText = "A tidied report" })
            .GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Restored: A tidied report")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "\"ground troops\" in A tidied report" })
            .GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Restored: \"ground troops\" in A tidied report")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Documents" }).First.ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "A tidied report" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".annotated-text mark")).ToHaveCountAsync(1);
    }

    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    /// <summary>Presses Undo on the snackbar that names the record (an earlier one may still be fading out).</summary>
    private static Task UndoAsync(IPage page, string text) => Snackbar(page, text).GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
}
