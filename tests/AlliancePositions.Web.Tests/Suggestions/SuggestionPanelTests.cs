using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Ingest;
using AlliancePositions.Core.Sources;
using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Suggestions;

/// <summary>The reader's suggestion panel: what an analyst sees and can do; a viewer sees none of it.</summary>
public class SuggestionPanelTests : SeededComponentTest
{
    private const string Story = "Emmanuel Macron said on Tuesday that Europe must be ready to send troops to Ukraine. "
        + "A senior Polish diplomat said the plan was premature.";

    private readonly BunitAuthorizationContext auth;

    public SuggestionPanelTests()
    {
        auth = this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private async Task<IRenderedComponent<DocumentPage>> RenderNewStoryAsync()
    {
        var created = await Services.GetRequiredService<DocumentService>().CreateAsync(
            new CreateDocumentRequest("Story", Story, PublishedOn: new DateOnly(2024, 5, 31)), new Editor("analyst@example.org", null), TestContext.Current.CancellationToken);
        var page = Render<DocumentPage>(p => p.Add(c => c.Key, created.Value!.Key));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".suggestion-card")), TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public async Task An_analyst_sees_the_suggestions_highlighted_and_listed_with_named_buttons()
    {
        auth.SignInAs("Analyst");

        var page = await RenderNewStoryAsync();

        var cards = page.FindAll(".suggestion-card");
        Assert.Equal(2, cards.Count);
        Assert.Contains("Emmanuel Macron", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("28 May 2024", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("“A senior Polish diplomat”", cards[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.FindAll("mark.suggested").Count);
        Assert.Contains(page.FindAll("button"), b => b.GetAttribute("aria-label")?.StartsWith("Accept suggestion: Emmanuel Macron", StringComparison.Ordinal) == true);
        Assert.Contains(page.FindAll("button"), b => b.GetAttribute("aria-label")?.StartsWith("Reject suggestion: A senior Polish diplomat", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Edit_opens_the_statement_form_prefilled_from_the_suggestion()
    {
        auth.SignInAs("Analyst");
        var page = await RenderNewStoryAsync();

        page.ClickWhenReady(() => page.FindAll("button").First(b => b.GetAttribute("aria-label")?.StartsWith("Edit suggestion in the form: Emmanuel Macron", StringComparison.Ordinal) == true));

        page.WaitForAssertion(() => Assert.Contains("Suggested date from: “on Tuesday”", page.Find(".statement-form").TextContent, StringComparison.Ordinal));
        Assert.Equal("Emmanuel Macron", page.Find(".statement-form input").GetAttribute("value"));
    }

    [Fact]
    public async Task An_annotation_left_on_an_earlier_revision_stays_unmarked_when_the_suggestions_arrive()
    {
        auth.SignInAs("Analyst");
        const string Dropped = "The minister later added that nothing was decided.";
        var editor = new Editor("analyst@example.org", null);
        var documents = Services.GetRequiredService<DocumentService>();
        var created = await documents.CreateAsync(new CreateDocumentRequest("Story", $"{Story} {Dropped}", PublishedOn: new DateOnly(2024, 5, 31)), editor, TestContext.Current.CancellationToken);
        var key = created.Value!.Key;
        var annotated = await documents.AnnotateAsync(key, new CreateAnnotationRequest(Story.Length + 1, Story.Length + 1 + Dropped.Length, Dropped), editor, TestContext.Current.CancellationToken);
        Assert.True(annotated.Succeeded);
        // The outlet replaces the annotated sentence: the annotation stays on revision 1, its span now over other words.
        var revised = $"{Story} Officials said that the talks would go on in Brussels next week.";
        Assert.True((await Services.GetRequiredService<RevisionService>().ReviseAsync(key, revised, editor, TestContext.Current.CancellationToken)).Succeeded);

        var page = Render<DocumentPage>(p => p.Add(c => c.Key, key));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".suggestion-card")), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll("mark.suggested"));
        Assert.Empty(page.FindAll("mark.annotation"));
    }

    [Fact]
    public async Task A_viewer_sees_no_suggestions()
    {
        auth.SignInAs("Viewer");
        var created = await Services.GetRequiredService<DocumentService>().CreateAsync(
            new CreateDocumentRequest("Story", Story, PublishedOn: new DateOnly(2024, 5, 31)), new Editor("analyst@example.org", null), TestContext.Current.CancellationToken);

        var page = Render<DocumentPage>(p => p.Add(c => c.Key, created.Value!.Key));

        page.WaitForAssertion(() => Assert.Contains("Europe must be ready", page.Find(".annotated-text").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".suggestion-panel"));
        Assert.Empty(page.FindAll("mark.suggested"));
    }
}
