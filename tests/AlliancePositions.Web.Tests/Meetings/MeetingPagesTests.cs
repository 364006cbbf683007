using AlliancePositions.Web.Meetings;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Meetings;

public class MeetingPagesTests : SeededComponentTest
{
    public MeetingPagesTests()
    {
        // The page offers an Analyst edit and delete; a reader here is anonymous.
        this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Meeting_list_shows_dates_with_their_precision_and_participants()
    {
        var page = Render<MeetingsPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var calls = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Macron's calls with Biden and Scholz", StringComparison.Ordinal));
        Assert.Equal("Feb 2024", calls.QuerySelector("td")!.TextContent);
        Assert.Contains("Emmanuel Macron, Joe Biden, Olaf Scholz", calls.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 meeting(s)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeting_page_lists_participants_statements_and_reporting_documents()
    {
        var page = Render<MeetingPage>(p => p.Add(x => x.Key, "feb-2024-calls"));

        page.WaitForAssertion(() => Assert.Equal("Macron's calls with Biden and Scholz", page.Find("h1").TextContent));
        var participants = page.FindAll(".inline-list a");
        Assert.Equal(["Emmanuel Macron", "Joe Biden", "Olaf Scholz"], participants.Select(a => a.TextContent));
        Assert.EndsWith("/actors/olaf-scholz", participants[2].GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Scholz explained to him", page.Find("table").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href")!.EndsWith("/documents/a76fa100f53b", StringComparison.Ordinal));
        Assert.Contains("whether one call or two is not stated", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_from_a_meeting_carry_the_chosen_dates()
    {
        NavigateTo("/meetings/feb-2024-calls?asOf=2024-03-01");
        var page = Render<MeetingPage>(p => p.Add(x => x.Key, "feb-2024-calls"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".inline-list a")));
        Assert.EndsWith("/actors/emmanuel-macron?asOf=2024-03-01", page.Find(".inline-list a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_meeting_shows_not_found_with_a_way_back()
    {
        var page = Render<MeetingPage>(p => p.Add(x => x.Key, "no-such-meeting"));

        page.WaitForAssertion(() => Assert.Contains("No meeting 'no-such-meeting'", page.Markup, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "Browse all meetings");
    }

    /// <summary>Query parameters reach a page through the address, as in the app.</summary>
    private void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
}
