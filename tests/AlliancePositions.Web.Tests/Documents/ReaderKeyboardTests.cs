using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Tests.Documents;

/// <summary>
/// The reader's keyboard way to the selection menu. The browser's part (the caret, Shift+arrows, Shift+F10) is driven in
/// the browser tests; here the page's side: the focusable text, the button, opening and closing the menu.
/// </summary>
public class ReaderKeyboardTests : SeededComponentTest
{
    private const string SeedDocument = "a76fa100f53b";
    private static readonly TextSelection Advice = new(544, 577, "advising him not to take the step", 100, 200);

    private readonly BunitAuthorizationContext auth;

    public ReaderKeyboardTests()
    {
        auth = this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void An_analyst_can_tab_into_the_text_and_is_told_how_to_select_with_keys()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        var text = page.Find(".reader-keys");
        Assert.Equal("0", text.GetAttribute("tabindex"));
        Assert.Equal("region", text.GetAttribute("role"));
        Assert.Equal("reader-keys-hint", text.GetAttribute("aria-describedby"));
        Assert.Contains("Shift+F10", page.Find("#reader-keys-hint").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_viewers_text_is_not_a_tab_stop()
    {
        auth.SignInAs("Viewer");
        var page = RenderReader();

        Assert.Null(page.Find(".reader-keys").GetAttribute("tabindex"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Annotate selection");
    }

    [Fact]
    public async Task The_annotate_selection_button_waits_for_a_selection_then_opens_the_menu_with_the_focus_in_it()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();
        Assert.True(AnnotateSelection(page).HasAttribute("disabled"));

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));
        await page.InvokeAsync(() => page.Instance.CloseSelectionMenu());
        Assert.Empty(page.FindAll("[role=menu]"));
        Assert.False(AnnotateSelection(page).HasAttribute("disabled"));

        page.ClickWhenReady(() => AnnotateSelection(page));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[role=menu]")));
        page.WaitForAssertion(() => JSInterop.VerifyFocusAsyncInvoke());
    }

    [Fact]
    public async Task Escape_closes_the_menu_until_the_selection_changes()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();
        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));
        Assert.Single(page.FindAll("[role=menu]"));

        await page.InvokeAsync(() => page.Instance.CloseSelectionMenu());
        // The keyup that follows reports the same selection again: the menu stays closed.
        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));
        Assert.Empty(page.FindAll("[role=menu]"));

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice with { End = 576, Exact = "advising him not to take the ste" }));
        Assert.Single(page.FindAll("[role=menu]"));
    }

    [Fact]
    public async Task The_selection_menu_is_one_tab_stop_at_its_first_item()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));

        var items = page.FindAll("[role=menu] [role=menuitem]");
        Assert.Equal(["Annotate", "New statement from selection"], items.Select(i => i.TextContent.Trim()));
        Assert.Equal(["0", "-1"], items.Select(i => i.GetAttribute("tabindex")));
    }

    [Fact]
    public async Task Shift_F10_without_a_selection_says_how_to_make_one()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        await page.InvokeAsync(() => page.Instance.OpenSelectionMenu());

        page.WaitForAssertion(() => Assert.Contains("Select a passage first: hold Shift and move with the arrow keys", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[role=menu]"));
    }

    private static AngleSharp.Dom.IElement AnnotateSelection(IRenderedComponent<DocumentPage> page) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == "Annotate selection");

    private IRenderedComponent<DocumentPage> RenderReader()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("mark.annotation")));
        return page;
    }
}
