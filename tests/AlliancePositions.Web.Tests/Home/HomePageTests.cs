using AlliancePositions.Web.Home;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Home;

public class HomePageTests : SeededComponentTest
{
    public HomePageTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Home_page_says_what_the_app_is_for()
    {
        var page = Render<HomePage>();
        Assert.Equal("Who in the alliance stands where", page.Find("h1").TextContent);
        // Let the page finish: its questions are worked out on the thread pool, and one still running after the test
        // deleted the database would open it again and leave an empty file behind in the temporary folder.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".latest li")));
    }

    [Fact]
    public async Task While_a_question_is_still_being_worked_out_the_page_counts_the_questions_done()
    {
        // Hold the first question's history open, as a large corpus after a write would: the page reads every date
        // under the default lens off the question's history, so that (not a date's entry) is what it waits on.
        var questions = await Services.GetRequiredService<Core.Questions.QuestionQueries>().ListAsync(TestContext.Current.CancellationToken);
        var held = new TaskCompletionSource<Core.Stances.StanceHistory?>();
        var pending = Services.GetRequiredService<Core.Stances.StanceCache>()
            .GetOrBuildHistoryAsync(questions[0].Slug, _ => held.Task, TestContext.Current.CancellationToken);

        var page = Render<HomePage>();
        page.WaitForAssertion(() => Assert.Contains($"Working out every actor's stance: 0 of {questions.Count} questions.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".split-row"));

        held.SetResult(Core.Stances.StanceHistory.Build(questions[0].Slug, [], _ => 0));
        await pending;
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".split-row")));
        Assert.DoesNotContain("Working out every actor's stance", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_split_shows_Macron_on_the_support_side_and_Scholz_on_the_oppose_side()
    {
        // Shortly after the seed report: two years on, methodology 2.0 rightly finds its evidence too old to place them.
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/?asOf=2024-04-30");
        var page = Render<HomePage>();
        page.WaitForAssertion(() =>
        {
            var card = page.FindAll(".mud-paper").First(p => p.TextContent.Contains("Should Western troops be deployed to Ukraine?", StringComparison.Ordinal));
            var rows = card.QuerySelectorAll(".split-row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent);
            Assert.Contains("Emmanuel Macron", rows["Leans support"], StringComparison.Ordinal);
            Assert.Contains("Olaf Scholz", rows["Opposes"], StringComparison.Ordinal);
        });
        var macron = page.FindAll("a.actor-chip").First(a => a.TextContent == "Emmanuel Macron");
        Assert.Equal("/actors/emmanuel-macron?asOf=2024-04-30", macron.GetAttribute("href"));
    }

    [Fact]
    public void Latest_statements_are_listed_newest_first_with_their_grade()
    {
        var page = Render<HomePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".latest li")));
        var statements = page.FindAll(".latest li");
        Assert.True(statements.Count <= 10);
        Assert.Contains("Apr 2024", statements[0].TextContent, StringComparison.Ordinal);
        Assert.Matches("^[A-F][1-6]$", statements[0].QuerySelector(".grade")!.TextContent);
    }

    [Fact]
    public void Links_carry_the_time_axes_along()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/?asOf=2024-04-30");
        var page = Render<HomePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("a.actor-chip")));
        Assert.All(page.FindAll("a.actor-chip"), a => Assert.EndsWith("?asOf=2024-04-30", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Before_the_article_was_published_there_is_no_evidence_yet()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?knownAt=2024-03-01");
        var page = Render<HomePage>();
        page.WaitForAssertion(() => Assert.Contains("No evidence yet", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("a.actor-chip"));
        Assert.Contains("No statement known at this date", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_date_is_reported()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?asOf=yesterday");
        var page = Render<HomePage>();
        page.WaitForAssertion(() => Assert.Contains("\"yesterday\" is not a date for asOf", page.Markup, StringComparison.Ordinal));
    }
}
