using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Admin;
using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Meetings;
using AlliancePositions.Web.Statements;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Editing;

/// <summary>
/// Editing where a record is shown: each page saves through the same Core service the API calls, checks the version it
/// read, and offers an undo for a few seconds after a delete.
/// </summary>
public class EditingPagesTests : SeededComponentTest
{
    private const string SeedDocument = "a76fa100f53b";
    private static readonly Editor Ben = new("ben@example.org", "user-ben");
    private readonly BunitAuthorizationContext auth;

    public EditingPagesTests()
    {
        auth = this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void An_analyst_edits_a_statements_summary_on_its_page()
    {
        auth.SignInAs("Analyst");
        var page = Render<StatementPage>(p => p.Add(x => x.Key, "scholz-warns"));
        page.WaitForAssertion(() => Assert.Contains("Olaf Scholz", page.Find("h1").TextContent, StringComparison.Ordinal));

        Click(page, "Edit statement");
        page.ChangeWhenReady(".statement-edit-form textarea", "Scholz warns Macron off sending troops.");
        Click(page, "Save statement");

        page.WaitForAssertion(() => Assert.Equal("Scholz warns Macron off sending troops.", page.Find(".statement-summary").TextContent));
        Assert.Empty(page.FindAll(".statement-edit-form"));
    }

    [Fact]
    public async Task A_stale_statement_save_is_refused_and_shows_the_other_analysts_values()
    {
        auth.SignInAs("Analyst");
        var page = Render<StatementPage>(p => p.Add(x => x.Key, "scholz-warns"));
        page.WaitForAssertion(() => Assert.Contains("Olaf Scholz", page.Find("h1").TextContent, StringComparison.Ordinal));
        Click(page, "Edit statement");
        // Ben saves first, from the version the page read.
        var service = Services.GetRequiredService<StatementService>();
        var read = (await Services.GetRequiredService<StatementQueries>().FindForEditAsync("scholz-warns", Ct))!;
        Assert.True((await service.UpdateAsync("scholz-warns", read.Version, read.ToRequest() with { Summary = "Ben's wording" }, Ben, Ct)).Succeeded);

        page.ChangeWhenReady(".statement-edit-form textarea", "Ana's wording");
        Click(page, "Save statement");

        page.WaitForAssertion(() => Assert.Contains("ben@example.org changed this since you opened it", page.Find(".conflict-notice").TextContent, StringComparison.Ordinal));
        Assert.Contains("Ben's wording", page.Find(".conflict-values").TextContent, StringComparison.Ordinal);
        Assert.Equal("Ben's wording", (await FindStatementAsync())!.Summary);
    }

    [Fact]
    public async Task Deleting_a_statement_offers_an_undo_that_restores_it()
    {
        auth.SignInAs("Analyst");
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<StatementPage>(p => p.Add(x => x.Key, "scholz-warns"));
        page.WaitForAssertion(() => Assert.Contains("Olaf Scholz", page.Find("h1").TextContent, StringComparison.Ordinal));

        Click(page, "Delete statement");

        snackbars.WaitForAssertion(() => Assert.Contains("deleted", snackbars.Markup, StringComparison.Ordinal));
        Assert.Null(await FindStatementAsync());
        snackbars.ClickWhenReady(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo"));
        await EventuallyAsync(async () => await FindStatementAsync() is not null);
    }

    [Fact]
    public async Task Deleting_a_coding_offers_an_undo_and_the_admin_can_restore_it_too()
    {
        auth.SignInAs("Admin");
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<StatementPage>(p => p.Add(x => x.Key, "scholz-warns"));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".codings-table tbody tr").Count));

        page.ClickWhenReady(() => page.FindAll(".codings-table button")[0]);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".codings-table tbody tr").Count));
        snackbars.ClickWhenReady(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo"));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".codings-table tbody tr").Count));

        page.ClickWhenReady(() => page.FindAll(".codings-table button")[0]);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".codings-table tbody tr").Count));
        var deleted = Render<DeletedPage>();
        deleted.WaitForAssertion(() => Assert.Contains("Coding", deleted.Find("tbody tr").TextContent, StringComparison.Ordinal));
        deleted.ClickWhenReady(() => deleted.FindAll("button").Single(b => b.TextContent.Trim() == "Restore"));
        deleted.WaitForAssertion(() => Assert.Contains("Restored:", deleted.Markup, StringComparison.Ordinal));
        Assert.Equal(3, (await Services.GetRequiredService<StatementQueries>().FindForEditAsync("scholz-warns", Ct))!.Codings.Count);
    }

    [Fact]
    public async Task An_analyst_codes_a_statement_from_its_page()
    {
        auth.SignInAs("Analyst");
        var page = Render<StatementPage>(p => p.Add(x => x.Key, "scholz-warns"));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".codings-table tbody tr").Count));
        var form = page.FindComponent<StatementCodingForm>();
        var questions = form.FindComponents<MudSelect<string>>().Single();

        await form.InvokeAsync(() => questions.Instance.ValueChanged.InvokeAsync("tougher-stance"));
        // The form lists the questions once its own read is back (later on PostgreSQL): until the chosen one is among
        // them the button is disabled, and a click on it does nothing.
        page.ClickWhenReady(() => page.FindAll("button").First(b => b.TextContent.Trim() == "Save coding" && !b.HasAttribute("disabled")));

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".codings-table tbody tr").Count));
        Assert.Contains(page.FindAll(".codings-table tbody tr"), r => r.TextContent.Contains("analyst", StringComparison.Ordinal));
    }

    [Fact]
    public void A_viewer_sees_a_statement_without_edit_or_delete()
    {
        auth.SignInAs("Viewer");
        var page = Render<StatementPage>(p => p.Add(x => x.Key, "scholz-warns"));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".codings-table tbody tr").Count));

        Assert.Empty(page.FindAll(".record-actions"));
        Assert.Empty(page.FindAll(".codings-table button"));
        Assert.Empty(page.FindAll(".statement-coding-form"));
    }

    [Fact]
    public async Task An_analyst_edits_a_meeting_and_a_stale_save_shows_the_other_values()
    {
        auth.SignInAs("Analyst");
        var page = Render<MeetingPage>(p => p.Add(x => x.Key, "feb-2024-calls"));
        page.WaitForAssertion(() => Assert.Equal("Macron's calls with Biden and Scholz", page.Find("h1").TextContent));

        Click(page, "Edit meeting");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".meeting-edit-form input")));
        var read = (await Services.GetRequiredService<MeetingQueries>().FindForEditAsync("feb-2024-calls", Ct))!;
        await Services.GetRequiredService<MeetingService>().UpdateAsync("feb-2024-calls", read.Version, read.ToRequest() with { Place = "Berlin" }, Ben, Ct);
        page.ChangeWhenReady(".meeting-edit-form input", "Calls on troops");
        Click(page, "Save meeting");
        page.WaitForAssertion(() => Assert.Contains("Berlin", page.Find(".conflict-values").TextContent, StringComparison.Ordinal));

        Click(page, "Save meeting");

        page.WaitForAssertion(() => Assert.Equal("Calls on troops", page.Find("h1").TextContent));
    }

    [Fact]
    public async Task Deleting_a_meeting_goes_to_the_list_and_undo_brings_it_back()
    {
        auth.SignInAs("Analyst");
        var snackbars = Render<MudSnackbarProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<MeetingPage>(p => p.Add(x => x.Key, "feb-2024-calls"));
        page.WaitForAssertion(() => Assert.Equal("Macron's calls with Biden and Scholz", page.Find("h1").TextContent));

        Click(page, "Delete meeting");

        page.WaitForAssertion(() => Assert.EndsWith("/meetings", navigation.Uri, StringComparison.Ordinal));
        var meetings = Services.GetRequiredService<MeetingQueries>();
        Assert.Null(await meetings.FindAsync("feb-2024-calls", Ct));
        snackbars.ClickWhenReady(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo"));
        await EventuallyAsync(async () => await meetings.FindAsync("feb-2024-calls", Ct) is not null);
    }

    [Fact]
    public async Task An_analyst_edits_a_documents_title_and_a_document_in_use_is_not_deleted()
    {
        auth.SignInAs("Analyst");
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        page.WaitForAssertion(() => Assert.Contains("Macron", page.Find("h1").TextContent, StringComparison.Ordinal));

        Click(page, "Edit document");
        page.ChangeWhenReady(".document-edit-form input", "Macron wants a tougher stance");
        Click(page, "Save details");
        page.WaitForAssertion(() => Assert.Equal("Macron wants a tougher stance", page.Find("h1").TextContent));

        Click(page, "Delete document");
        page.WaitForAssertion(() => Assert.Contains("is the evidence of", page.Markup, StringComparison.Ordinal));
        Assert.NotNull(await Services.GetRequiredService<DocumentQueries>().FindAsync(SeedDocument, Ct));
    }

    [Fact]
    public async Task Deleting_an_unused_document_offers_an_undo()
    {
        auth.SignInAs("Analyst");
        var key = (await Services.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest("A new report", $"Report {Guid.NewGuid():N}."), Ben, Ct)).Value!.Key;
        var documents = Services.GetRequiredService<DocumentQueries>();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, key));
        page.WaitForAssertion(() => Assert.Equal("A new report", page.Find("h1").TextContent));

        Click(page, "Delete document");

        page.WaitForAssertion(() => Assert.EndsWith("/documents", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Null(await documents.FindAsync(key, Ct));
        snackbars.ClickWhenReady(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo"));
        await EventuallyAsync(async () => await documents.FindAsync(key, Ct) is not null);
    }

    [Fact]
    public async Task An_analyst_edits_an_annotations_note_and_deletes_an_uncited_one_with_undo()
    {
        auth.SignInAs("Analyst");
        var documents = Services.GetRequiredService<DocumentService>();
        var text = $"Report {Guid.NewGuid():N}: no ground troops will be sent.";
        var document = (await documents.CreateAsync(new CreateDocumentRequest("Troops report", text), Ben, Ct)).Value!.Key;
        var start = text.IndexOf("ground troops", StringComparison.Ordinal);
        var annotation = (await documents.AnnotateAsync(document, new CreateAnnotationRequest(start, start + 13, "ground troops", "first note"), Ben, Ct)).Value!.Key;
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/documents/{document}?annotation={annotation}");
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, document));
        page.WaitForAssertion(() => Assert.Contains("first note", page.Markup, StringComparison.Ordinal));

        Click(page, "Edit annotation");
        page.ChangeWhenReady(".annotation-edit-form textarea", "second note");
        Click(page, "Save annotation");
        // Saved once the form has closed (the form's own text area holds the note too): a delete sent while the save is
        // still on its way finds the annotation at an older version and is refused.
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll(".annotation-edit-form"));
            Assert.Contains("second note", page.Find(".annotation-detail").TextContent, StringComparison.Ordinal);
        });

        Click(page, "Delete annotation");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".annotated-text mark")));
        snackbars.ClickWhenReady(() => snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".annotation-detail")));
    }

    [Fact]
    public async Task The_deleted_page_lists_and_restores_annotations_documents_and_meetings()
    {
        auth.SignInAs("Admin");
        var documents = Services.GetRequiredService<DocumentService>();
        var text = $"Report {Guid.NewGuid():N}: no ground troops will be sent.";
        var document = (await documents.CreateAsync(new CreateDocumentRequest("Deleted report", text), Ben, Ct)).Value!.Key;
        var start = text.IndexOf("ground troops", StringComparison.Ordinal);
        var annotation = (await documents.AnnotateAsync(document, new CreateAnnotationRequest(start, start + 13, "ground troops"), Ben, Ct)).Value!.Key;
        await documents.DeleteAnnotationAsync(document, annotation, Ben, Ct);
        await documents.DeleteAsync(document, Ben, Ct);
        await Services.GetRequiredService<MeetingService>().DeleteAsync("feb-2024-calls", Ben, Ct);
        var page = Render<DeletedPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        Assert.Equal(["Annotation", "Document", "Meeting"], page.FindAll("tbody tr td:first-child").Select(td => td.TextContent).Order());

        // An annotation of a deleted document waits for its document.
        RestoreRow(page, "Annotation");
        page.WaitForAssertion(() => Assert.Contains("its document is deleted", page.Markup, StringComparison.Ordinal));
        RestoreRow(page, "Document");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        RestoreRow(page, "Annotation");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        RestoreRow(page, "Meeting");
        page.WaitForAssertion(() => Assert.Contains("Nothing is deleted", page.Markup, StringComparison.Ordinal));
        Assert.NotNull(await Services.GetRequiredService<MeetingQueries>().FindAsync("feb-2024-calls", Ct));
        Assert.Single((await Services.GetRequiredService<DocumentQueries>().FindAsync(document, Ct))!.Annotations);
    }

    private static void RestoreRow(IRenderedComponent<DeletedPage> page, string kind) =>
        page.ClickWhenReady(() => page.FindAll("tbody tr").First(r => r.QuerySelector("td")!.TextContent == kind).QuerySelector("button")!);

    private async Task<StatementRow?> FindStatementAsync() => (await Services.GetRequiredService<StatementQueries>().FindAsync("scholz-warns", Ct))?.Row;

    /// <summary>An undo runs after the click returns (it is the snackbar's callback): wait for what it writes.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var until = DateTime.UtcNow.AddSeconds(15); !await condition(); await Task.Delay(50, Ct))
            if (DateTime.UtcNow > until) Assert.Fail("The undo did not bring the record back within 15 seconds.");
    }

    /// <summary>Clicks the button once it is rendered and still there: pages re-render as their reads come back.</summary>
    private static void Click<T>(IRenderedComponent<T> page, string text) where T : IComponent =>
        page.ClickWhenReady(() => page.FindAll("button").First(b => b.TextContent.Trim() == text));
}
