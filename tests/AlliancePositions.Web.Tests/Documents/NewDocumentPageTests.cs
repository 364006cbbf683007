using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Documents;

public class NewDocumentPageTests : SeededComponentTest
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext auth;

    public NewDocumentPageTests()
    {
        auth = this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void An_analyst_gets_the_form_with_every_field()
    {
        auth.SignInAs("Analyst");
        var page = Render<NewDocumentPage>();

        foreach (var label in new[] { "Title", "Outlet", "Published", "Language", "URL", "Text" })
            Assert.Contains(page.FindAll("label"), l => l.TextContent.Trim().StartsWith(label, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("Upload files", StringComparison.Ordinal));
    }

    [Fact]
    public void A_viewer_sees_no_form()
    {
        auth.SignInAs("Viewer");
        var page = Render<NewDocumentPage>();

        Assert.Empty(page.FindAll("textarea"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Save document", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saving_an_empty_form_puts_the_errors_next_to_the_fields_and_writes_nothing()
    {
        auth.SignInAs("Analyst");
        var page = Render<NewDocumentPage>();

        // Found and clicked in one step on the renderer: the outlets may still be loading and re-render the form (on a
        // database that answers asynchronously, such as PostgreSQL).
        page.ClickWhenReady(() => page.FindAll("button").Single(b => b.TextContent.Contains("Save document", StringComparison.Ordinal)));

        page.WaitForAssertion(() => Assert.Contains("The title is required.", page.Markup, StringComparison.Ordinal));
        Assert.Contains("The text is required.", page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll(".mud-input-error"));
        await using var db = await Services.GetRequiredService<IDbContextFactory<Core.Data.AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Documents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_same_text_again_links_to_the_existing_document()
    {
        auth.SignInAs("Analyst");
        var page = Render<NewDocumentPage>();
        var stored = File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", "texts", "000_fe0bddd215f79065.txt"));

        // Each element found and used in one step on the renderer, as the outlets may still be loading.
        page.ChangeWhenReady("input", "A copy of the seed report");
        page.ChangeWhenReady("textarea", stored);
        page.ClickWhenReady(() => page.FindAll("button").Single(b => b.TextContent.Contains("Save document", StringComparison.Ordinal)));

        page.WaitForAssertion(() => Assert.Contains("already stored", page.Markup, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/documents/a76fa100f53b");
    }

    [Fact]
    public void A_new_text_is_saved_and_opens_in_the_reader()
    {
        auth.SignInAs("Analyst");
        var page = Render<NewDocumentPage>();

        page.ChangeWhenReady("input", "Scholz on Taurus");
        page.ChangeWhenReady("textarea", "Scholz said on Monday that Germany would not send Taurus missiles.");
        page.ClickWhenReady(() => page.FindAll("button").Single(b => b.TextContent.Contains("Save document", StringComparison.Ordinal)));

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/documents/[0-9a-f]{12}$", navigation.Uri));
    }

    [Fact]
    public async Task A_title_with_a_control_character_is_refused_next_to_the_field_as_the_api_refuses_it()
    {
        auth.SignInAs("Analyst");
        var page = Render<NewDocumentPage>();

        page.ChangeWhenReady("input", "Scholz\u0007 on Taurus");
        page.ChangeWhenReady("textarea", $"Scholz said {Guid.NewGuid():N} that Germany would not send Taurus missiles.");
        page.ClickWhenReady(() => page.FindAll("button").Single(b => b.TextContent.Contains("Save document", StringComparison.Ordinal)));

        page.WaitForAssertion(() => Assert.Contains("The title contains the control character U+0007", page.Markup, StringComparison.Ordinal));
        await using var db = await Services.GetRequiredService<IDbContextFactory<Core.Data.AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Documents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void An_uploaded_html_page_fills_the_text_with_its_readable_text_and_the_title_with_its_title()
    {
        auth.SignInAs("Analyst");
        var page = Render<NewDocumentPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "<html><head><title>Pistorius on troops</title></head><body><p>No ground troops.</p><script>x()</script></body></html>", "report.html"));

        page.WaitForAssertion(() => Assert.Equal("No ground troops.", page.Find("textarea").GetAttribute("value") ?? page.Find("textarea").TextContent));
        Assert.Equal("Pistorius on troops", page.Find("input").GetAttribute("value"));
        Assert.Contains("Text from report.html", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uploaded_file_of_another_kind_is_refused_next_to_the_text()
    {
        auth.SignInAs("Analyst");
        var page = Render<NewDocumentPage>();

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("PK", "report.docx"));

        page.WaitForAssertion(() => Assert.Contains("\"report.docx\" is not a .txt, .md, .html or .pdf file.", page.Markup, StringComparison.Ordinal));
    }
}
