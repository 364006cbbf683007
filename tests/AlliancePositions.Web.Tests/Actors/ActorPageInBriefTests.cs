using AlliancePositions.Web.Actors;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Actors;

/// <summary>The actor page's plain-language sentence per question and its list of the actors most like this one.</summary>
public class ActorPageInBriefTests : SeededComponentTest
{
    public ActorPageInBriefTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private IRenderedComponent<ActorPage> RenderActor(string slug, string asOf)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters($"/actors/{slug}",
            new Dictionary<string, object?> { ["asOf"] = asOf, ["knownAt"] = asOf }));
        Render<MudPopoverProvider>();
        return Render<ActorPage>(p => p.Add(x => x.Slug, slug));
    }

    [Fact]
    public void Each_question_reads_as_one_sentence_under_its_linked_title()
    {
        var page = RenderActor("emmanuel-macron", "2024-04-30");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".stance-sentence")));
        var sentences = page.FindAll(".stance-sentence");
        Assert.Equal(page.FindAll(".actor-stances tbody tr").Count, sentences.Count);
        var troops = sentences.Single(s => s.GetAttribute("data-question") == "troop-deployment");
        Assert.Equal("Should Western troops be deployed to Ukraine?", troops.QuerySelector("a")!.TextContent);
        Assert.StartsWith("/questions/troop-deployment", troops.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Matches("^Emmanuel Macron has consistently supported \\(leaning towards “.+”\\) since Feb 2024, on 2 statements\\.$",
            troops.QuerySelector(".sentence-text")!.TextContent);
    }

    [Fact]
    public void The_actors_most_like_him_link_to_their_pages_with_score_and_questions_in_common()
    {
        var page = RenderActor("olaf-scholz", "2024-04-30");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".similar-actors tbody tr")));
        var rows = page.FindAll(".similar-actors tbody tr");
        Assert.All(rows, row =>
        {
            Assert.StartsWith("/actors/", row.QuerySelector(".similar-name a")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Matches("^\\d+%$", row.QuerySelector(".similar-score")!.TextContent);
            Assert.True(int.Parse(row.QuerySelector(".similar-shared")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        });
        Assert.DoesNotContain(rows, row => row.QuerySelector(".similar-name")!.TextContent == "Olaf Scholz");
        Assert.Contains(page.FindAll(".similar-actors a"), a => a.TextContent == "Compare" && a.GetAttribute("href")!.Contains("compare=", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_any_statement_the_page_says_nothing_was_said_and_nobody_is_alike()
    {
        var page = RenderActor("olaf-scholz", "2023-06-01");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".similar-empty")));
        Assert.All(page.FindAll(".stance-sentence .sentence-text"), s => Assert.Equal("Olaf Scholz has said nothing on this.", s.TextContent));
        Assert.Contains("No other actor has a position on any question Olaf Scholz has one on", page.Find(".similar-empty").TextContent, StringComparison.Ordinal);
    }
}
