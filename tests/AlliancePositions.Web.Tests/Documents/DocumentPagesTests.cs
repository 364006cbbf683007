using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Documents;

public class DocumentPagesTests : SeededComponentTest
{
    // The seed's one document; these tests are about the seed as a reader sees it.
    private const string SeedDocument = "a76fa100f53b";

    public DocumentPagesTests()
    {
        // An anonymous reader: the reader's write controls sit behind the app's policies.
        this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Document_list_shows_title_outlet_grade_words_and_annotation_count()
    {
        var page = Render<DocumentsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        var row = page.Find("tbody tr");
        Assert.Contains("Macron seeks a tougher Western stance on Putin", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("publisher unknown", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 Apr 2024", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("B Usually reliable", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("17", row.QuerySelector("td.number")!.TextContent);
        Assert.EndsWith($"/documents/{SeedDocument}", row.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Document_list_past_the_last_page_offers_the_first()
    {
        NavigateTo("/documents?page=3");
        var page = Render<DocumentsPage>();
        page.WaitForAssertion(() => Assert.Contains("Page 3 is past the end", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_breadcrumbs_name_the_document_by_its_title_not_its_hash()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-breadcrumbs")));
        var crumbs = page.Find(".mud-breadcrumbs").TextContent;
        Assert.Contains("Macron seeks a tougher Western stance on Putin", crumbs, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedDocument, crumbs, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_shows_the_text_with_every_annotation_highlighted()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("mark.annotation")));
        var marks = page.FindAll("mark.annotation");
        Assert.Equal(17, marks.Select(m => m.GetAttribute("data-annotations")).Distinct().Count());
        Assert.Contains(marks, m => m.TextContent == "Scholz explained to him that the leaders of other countries would be forced to reject his position, advising him not to take the step"
            && m.GetAttribute("data-annotations") == "an-scholz-advice");
        Assert.Contains("Usually reliable", page.Find(".document-metadata").TextContent, StringComparison.Ordinal);
        Assert.Contains("The Wall Street Journal", page.Find(".document-metadata").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_text_is_the_stored_text_unchanged()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("mark.annotation")));

        var stored = File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", "texts", "000_fe0bddd215f79065.txt"));
        Assert.Equal(stored, page.Find(".annotated-text").TextContent);
    }

    [Fact]
    public void Clicking_a_highlight_puts_the_annotation_in_the_url()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("mark.annotation")));

        page.ClickWhenReady(() => page.Find("mark[data-annotations='an-scholz-advice']"));

        page.WaitForAssertion(() => Assert.EndsWith("annotation=an-scholz-advice", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Selected_annotation_shows_its_quote_and_the_statements_it_evidences()
    {
        NavigateTo($"/documents/{SeedDocument}?annotation=an-intensify");
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".annotation-detail")));
        var detail = page.Find(".annotation-detail");
        Assert.Contains("intensify", detail.QuerySelector("mark.quote")!.TextContent, StringComparison.Ordinal);
        var actors = detail.QuerySelectorAll(".evidenced a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Antony Blinken", "Emmanuel Macron"], actors.Order());
        Assert.Contains(detail.QuerySelectorAll(".evidenced a"), a => a.GetAttribute("href")!.EndsWith("/actors/antony-blinken", StringComparison.Ordinal));
        Assert.Equal("true", page.Find("mark[data-annotations='an-intensify']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Unknown_document_shows_not_found_with_a_way_back()
    {
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, "no-such-document"));

        page.WaitForAssertion(() => Assert.Contains("No document 'no-such-document'", page.Markup, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "Browse all documents");
    }

    /// <summary>Query parameters reach a page through the address, as in the app.</summary>
    private void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
}
