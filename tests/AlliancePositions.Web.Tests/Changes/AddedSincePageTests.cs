using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Changes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Changes;

/// <summary>The changes page in "added since" mode: what was recorded lately, whatever date it speaks of.</summary>
public class AddedSincePageTests : SeededComponentTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Editor Ana = new("ana@example.org", "user-ana");

    private bool popovers;

    private IRenderedComponent<ChangesPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        if (!popovers) Render<MudPopoverProvider>();
        popovers = true;
        return Render<ChangesPage>();
    }

    /// <summary>Two statements about a speech of 2024, recorded now (the analyst's report: "/changes said Nothing new").</summary>
    private async Task<(DateTimeOffset Since, string Actor)> TwoStatementsRecordedNowAsync()
    {
        var documents = Services.GetRequiredService<DocumentService>();
        var statements = Services.GetRequiredService<StatementService>();
        var text = $"Report {Guid.NewGuid():N}: no ground troops will be sent.";
        var document = (await documents.CreateAsync(new CreateDocumentRequest("A report", text, PublishedOn: new DateOnly(2024, 2, 26)), Ana, Ct)).Value!.Key;
        var start = text.IndexOf("ground troops", StringComparison.Ordinal);
        var annotation = (await documents.AnnotateAsync(document, new CreateAnnotationRequest(start, start + 13, "ground troops", null, []), Ana, Ct)).Value!.Key;
        var actor = (await Services.GetRequiredService<Core.Actors.ActorService>()
            .CreateAsync(new Core.Actors.CreateActorRequest("Margit Tamm", "person", "EE", [], null), Ana, Ct)).Value!.Slug;
        await Task.Delay(20, Ct);
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(20, Ct);
        foreach (var summary in new[] { "Rules out ground troops", "Repeats that no troops will go" })
            Assert.True((await statements.CreateAsync(new StatementRequest(actor, "quote", new DateOnly(2024, 2, 26), "day", summary, [], [annotation], 2), Ana, Ct)).Succeeded);
        return (since, actor);
    }

    [Fact]
    public async Task Two_statements_recorded_now_about_an_old_speech_are_listed_added_since_where_by_date_says_nothing_new()
    {
        var (since, actor) = await TwoStatementsRecordedNowAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var byDate = RenderAt($"/changes?since={today}");
        byDate.WaitForAssertion(() => Assert.Contains("Nothing new since", byDate.Markup, StringComparison.Ordinal));
        var added = RenderAt($"/changes?by=added&added={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture))}");

        added.WaitForAssertion(() => Assert.Contains("Added (2)", added.Markup, StringComparison.Ordinal));
        Assert.Contains("By recording time", added.Find(".changes-basis").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Added since ", added.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal("page", added.FindAll("nav a").Single(a => a.TextContent.Contains("Added since", StringComparison.Ordinal)).GetAttribute("aria-current"));
        Assert.Equal(["Repeats that no troops will go", "Rules out ground troops"],
            added.FindAll(".changes-list a[href^='/statements/']").Select(a => a.TextContent));
        Assert.Contains(added.FindAll("a"), a => a.GetAttribute("href") == $"/actors/{actor}");
        Assert.DoesNotContain("Nothing", added.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void By_event_date_says_what_it_filters_by_and_points_to_added_since()
    {
        var page = RenderAt("/changes?since=2024-03-01");

        page.WaitForAssertion(() => Assert.Contains("New documents", page.Markup, StringComparison.Ordinal));
        Assert.Contains("By event time", page.Find(".changes-basis").TextContent, StringComparison.Ordinal);
        Assert.Equal("page", page.FindAll("nav a").Single(a => a.TextContent.Contains("By event date", StringComparison.Ordinal)).GetAttribute("aria-current"));
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "Added since" && a.GetAttribute("href")!.Contains("by=added", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_added_since_says_so_and_offers_the_event_view()
    {
        var page = RenderAt("/changes?added=2099-01-01");

        page.WaitForAssertion(() => Assert.Contains("Nothing was added since 1 Jan 2099 00:00 UTC", page.Markup, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "what happened by event date");
    }

    [Fact]
    public void An_unreadable_instant_is_reported_at_the_field()
    {
        var page = RenderAt("/changes?by=added&added=soon");

        page.WaitForAssertion(() => Assert.Contains("\"soon\" is not an instant for added", page.Find(".changes-controls").TextContent, StringComparison.Ordinal));
        Assert.Contains($"Showing the last {AddedSinceQuery.DefaultDays} days instead", page.Markup, StringComparison.Ordinal);
    }
}
