using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Workspace;

[Collection(BrowserCollection.Name)]
public partial class AnalystWorkspaceBrowserTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    private const string Sentence = "Defence Minister Boris Pistorius said Germany would not send ground troops to Ukraine.";
    private const string Report = "Berlin, 27 February 2024.\n\n" + Sentence + " He added that the alliance had agreed on that.\n\nThe chancellor agreed.";

    [Fact]
    public async Task Analyst_adds_a_report_selects_a_sentence_records_a_coded_statement_and_finds_it_on_the_timeline_and_the_matrix()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));

        // Add the report by pasting its text.
        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Pistorius rules out ground troops");
        await page.GetByLabel("Text").FillAsync(Report);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(DocumentUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pistorius rules out ground troops");

        // Select the sentence with the mouse; the menu offers a statement from it.
        await WorkspaceFixture.SelectWithMouseAsync(page, Sentence);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "New statement from selection" }).ClickAsync();
        var form = page.Locator(".statement-form");
        await Assertions.Expect(form.Locator("blockquote")).ToHaveTextAsync(Sentence);

        // The corpus's aliases suggest actors ("the chancellor" is Olaf Scholz) ...
        await form.GetByLabel("Actor", new() { Exact = true }).FillAsync("the chancellor");
        await Assertions.Expect(page.GetByText("Olaf Scholz").Last).ToBeVisibleAsync();
        await form.GetByLabel("Actor", new() { Exact = true }).FillAsync("");
        await page.Keyboard.PressAsync("Escape");
        // ... but Pistorius is new, so the analyst adds him inline.
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a new actor" }).ClickAsync();
        await form.GetByLabel("New actor's name").FillAsync("Boris Pistorius");
        await form.GetByLabel("Country (two letters, optional)").FillAsync("DE");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create actor" }).ClickAsync();
        await Assertions.Expect(form.GetByLabel("Actor", new() { Exact = true })).ToHaveValueAsync("Boris Pistorius");

        var date = form.GetByLabel("Date", new() { Exact = true });
        await date.FillAsync("2024-02-27");
        await date.BlurAsync();
        var troops = form.GetByRole(AriaRole.Group, new() { Name = "Should Western troops be deployed to Ukraine?" });
        await troops.GetByText("Rules out sending Western troops to Ukraine").First.ClickAsync();
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.SaveScreenshotAsync(page, "workspace.png");

        await form.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Statement saved.")).ToBeVisibleAsync();

        // On the actor's timeline, coded.
        await page.GetByRole(AriaRole.Link, new() { Name = "See it on Boris Pistorius's timeline" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Boris Pistorius");
        await Assertions.Expect(page.GetByText(Sentence).Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("title", new() { HasText = "Boris Pistorius, 27 Feb 2024: Opposes" }).First).ToBeAttachedAsync();

        // In the question's matrix.
        await workspace.GoToAsync(page, "/questions/troop-deployment");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Boris Pistorius" }).First).ToBeVisibleAsync();

        // Sign out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sign_in_is_one_page_load_so_back_returns_to_the_page_the_reader_was_on_and_so_does_signing_in()
    {
        var email = await workspace.CreateUserAsync("Viewer");
        var page = await workspace.Browser.OpenAsync("/statements");
        await WorkspaceFixture.WaitInteractiveAsync(page);
        var loads = new List<string>();
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) loads.Add(frame.Url); };

        await WorkspaceFixture.FollowToSignInAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync());

        // The app's router stepping in first shows as a second navigation, and as a second entry in the history: what
        // a reader typed before the page loaded was lost, and Back led to the sign-in page again.
        Assert.Single(loads);
        Assert.Equal("/account/login", new Uri(loads[0]).AbsolutePath);
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/statements$"));

        await WorkspaceFixture.WaitInteractiveAsync(page);
        await WorkspaceFixture.FollowToSignInAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WorkspaceFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/statements$"));
    }

    [Fact]
    public async Task Analyst_annotates_with_a_note_holding_a_script_tag_and_sees_it_as_text()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Analyst"));
        var alerted = false;
        page.Dialog += (_, dialog) => { alerted = true; _ = dialog.DismissAsync(); };
        await workspace.GoToAsync(page, "/documents/a76fa100f53b");

        await WorkspaceFixture.SelectWithMouseAsync(page, "advising him not to take the step");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Annotate" }).ClickAsync();
        await page.GetByLabel("Note (optional)").FillAsync("<script>alert(1)</script><b>bold?</b>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save annotation" }).ClickAsync();

        var side = page.GetByRole(AriaRole.Complementary, new() { Name = "Selected annotation" });
        await Assertions.Expect(side.GetByText("<script>alert(1)</script><b>bold?</b>")).ToBeVisibleAsync();
        await Assertions.Expect(side.Locator("script")).ToHaveCountAsync(0);
        await Assertions.Expect(side.Locator("b", new() { HasText = "bold?" })).ToHaveCountAsync(0);
        Assert.False(alerted);
    }

    [Fact]
    public async Task Viewer_reads_a_document_without_any_write_control()
    {
        var page = await workspace.SignInAsync(await workspace.CreateUserAsync("Viewer"));
        await workspace.GoToAsync(page, "/documents/a76fa100f53b");

        await WorkspaceFixture.SelectWithMouseAsync(page, "advising him not to take the step");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Macron seeks a tougher Western stance");
        await Assertions.Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New document" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review" })).ToHaveCountAsync(0);
        await page.GotoAsync(workspace.Browser.App.BaseUrl + "/documents/new");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Title" })).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/documents/[0-9a-f]{12}$")]
    private static partial Regex DocumentUrl();
}
