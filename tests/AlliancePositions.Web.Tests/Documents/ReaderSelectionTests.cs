using AlliancePositions.Core.Data;
using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Documents;

/// <summary>
/// The reader's selection menu and the forms it opens. The browser's part (mapping the mouse selection to offsets) is
/// driven in the browser tests; here the selection arrives as the browser would report it.
/// </summary>
public class ReaderSelectionTests : SeededComponentTest
{
    private const string SeedDocument = "a76fa100f53b";
    // 544..577 of the seed text is exactly this (see the Core write tests).
    private static readonly TextSelection Advice = new(544, 577, "advising him not to take the step", 100, 200);

    private readonly BunitAuthorizationContext auth;

    public ReaderSelectionTests()
    {
        auth = this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Every_run_of_text_carries_its_offset_for_the_browser()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        var runs = page.FindAll(".annotated-text [data-start]");
        Assert.Equal("0", runs[0].GetAttribute("data-start"));
        Assert.All(runs.Zip(runs.Skip(1)), pair =>
            Assert.Equal(int.Parse(pair.First.GetAttribute("data-start")!) + pair.First.TextContent.Length, int.Parse(pair.Second.GetAttribute("data-start")!)));
        Assert.Equal(page.Find(".annotated-text").TextContent.Length.ToString(), page.Find(".annotated-text").GetAttribute("data-length"));
    }

    [Fact]
    public async Task A_selection_offers_annotate_and_new_statement_to_an_analyst()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));

        var menu = page.Find("[role=menu]");
        Assert.Contains("Annotate", menu.TextContent, StringComparison.Ordinal);
        Assert.Contains("New statement from selection", menu.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_gets_no_selection_menu()
    {
        auth.SignInAs("Viewer");
        var page = RenderReader();

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));

        Assert.Empty(page.FindAll("[role=menu]"));
        Assert.Empty(page.FindAll(".select-hint"));
    }

    [Fact]
    public async Task A_selection_that_does_not_match_the_stored_text_shows_the_servers_error()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice with { Exact = "advising him to take the step now" }));
        Click(page, "New statement from selection");

        page.WaitForAssertion(() => Assert.Contains("The quote does not match the text at 544..577", page.Markup, StringComparison.Ordinal));
        Assert.Equal(17, await CountAsync(db => db.Annotations));
    }

    [Fact]
    public async Task An_annotation_note_with_markup_is_saved_and_shown_as_text()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));
        Click(page, "Annotate");
        page.ChangeWhenReady(".mud-paper textarea", "<script>alert(1)</script>");
        Click(page, "Save annotation");

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("annotation=", navigation.Uri, StringComparison.Ordinal));
        var reader = RenderReader();
        reader.WaitForAssertion(() => Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", reader.Find(".annotation-detail").InnerHtml, StringComparison.Ordinal));
        Assert.Empty(reader.FindAll(".annotation-detail script"));
    }

    [Fact]
    public async Task New_statement_opens_a_form_with_the_quote_and_each_questions_scale_in_its_own_words()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();

        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));
        Click(page, "New statement from selection");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("fieldset.coding")));
        Assert.Equal(Advice.Exact, page.Find(".statement-form blockquote").TextContent);
        var troops = page.FindAll("fieldset.coding").Single(f => f.QuerySelector("legend")!.TextContent == "Should Western troops be deployed to Ukraine?");
        Assert.Contains("−2 · Rules out sending Western troops to Ukraine", troops.TextContent, StringComparison.Ordinal);
        Assert.Contains("+2 · Calls for sending Western troops, or refuses to rule it out as a signal", troops.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not coded", troops.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 Doubtful", page.Find(".grades-help").TextContent, StringComparison.Ordinal);
        Assert.Contains("B Usually reliable", page.Find(".grades-help").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_statement_without_an_actor_says_so_next_to_the_field_and_writes_no_statement()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();
        // A passage nobody is reported saying, so the form is not pre-filled with a speaker.
        await page.InvokeAsync(() => page.Instance.OnTextSelected(new TextSelection(722, 780, "Discussions over the presence of Western troops in Ukraine", 100, 200)));
        Click(page, "New statement from selection");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("fieldset.coding")));

        Click(page, "Save statement");

        page.WaitForAssertion(() => Assert.Contains("Choose who said it, or add a new actor.", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Nothing was saved", page.Markup, StringComparison.Ordinal);
        Assert.Equal(12, await CountAsync(db => db.Statements));
        Assert.Equal(17, await CountAsync(db => db.Annotations));
    }

    [Fact]
    public async Task Cancelling_a_new_statement_from_a_selection_stores_no_annotation()
    {
        auth.SignInAs("Analyst");
        var page = RenderReader();
        await page.InvokeAsync(() => page.Instance.OnTextSelected(Advice));
        Click(page, "New statement from selection");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("fieldset.coding")));

        Assert.Equal(17, await CountAsync(db => db.Annotations));
        Click(page, "Cancel");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".statement-form")));
        Assert.Equal(17, await CountAsync(db => db.Annotations));
        Assert.Equal(12, await CountAsync(db => db.Statements));
    }

    private IRenderedComponent<DocumentPage> RenderReader()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("mark.annotation")));
        return page;
    }

    /// <summary>
    /// Clicks the button once it is rendered. The reader re-renders while it reads the selection's defaults from the
    /// database, so a button found before that may be gone: find it again and click until the click lands.
    /// </summary>
    private static void Click(IRenderedComponent<DocumentPage> page, string text) =>
        page.ClickWhenReady(() => page.FindAll("button").First(b => b.TextContent.Trim() == text));

    private async Task<int> CountAsync<T>(Func<AppDbContext, IQueryable<T>> set)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await set(db).CountAsync(TestContext.Current.CancellationToken);
    }
}
