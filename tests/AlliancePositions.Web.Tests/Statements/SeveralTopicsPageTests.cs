using AlliancePositions.Core.Data;
using AlliancePositions.Core.Questions;
using AlliancePositions.Web.Statements;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Statements;

/// <summary>The statements page with several topics at once: the list, the counts per topic and the active filters.</summary>
public class SeveralTopicsPageTests : SeededComponentTest
{
    private readonly HeldDatabaseReads topicReads = new();
    private IRenderedComponent<MudPopoverProvider> popovers = null!;

    public SeveralTopicsPageTests()
    {
        // Topic names can be read slowly, as on a busy database (not held unless a test holds them).
        Services.AddSingleton(provider => new TopicQueries(topicReads.Wrap(provider.GetRequiredService<IDbContextFactory<AppDbContext>>())));
    }

    private IRenderedComponent<StatementsPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        popovers = Render<MudPopoverProvider>();
        return Render<StatementsPage>();
    }

    [Fact]
    public void Two_topics_in_the_address_list_statements_on_either_and_show_each_as_a_removable_filter()
    {
        var page = RenderAt("/statements?topic=troop-deployment&topic=military-aid&from=2024-01-01");

        // The statements and the topic names load side by side (on PostgreSQL either may come first): wait for both.
        page.WaitForAssertion(() =>
        {
            Assert.Contains("9 statements match", page.Find(".statements-count").TextContent, StringComparison.Ordinal);
            Assert.Contains("Scholz advises Macron not to take the step", page.Markup, StringComparison.Ordinal);
            Assert.Equal(["Topic: Military aid", "Topic: Troop deployment", "From: 1 Jan 2024"],
                page.FindAll(".active-filter").Select(c => c.QuerySelector(".active-filter-text")!.TextContent.Trim()));
        });
        var removeAid = page.Find("a[aria-label='Remove topic Military aid']").GetAttribute("href")!;
        Assert.Contains("topic=troop-deployment", removeAid, StringComparison.Ordinal);
        Assert.DoesNotContain("military-aid", removeAid, StringComparison.Ordinal);
        Assert.Contains("from=2024-01-01", removeAid, StringComparison.Ordinal);
        Assert.DoesNotContain("from=", page.Find("a[aria-label='Remove from 1 Jan 2024']").GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_topic_shows_how_many_statements_it_would_match_with_the_rest_of_the_filter()
    {
        var page = RenderAt("/statements?topic=military-aid&from=2024-01-01");
        // The counts come with the statements, the select's options with the topic names (either may come first).
        page.WaitForAssertion(() =>
        {
            Assert.Contains("2 statements match", page.Find(".statements-count").TextContent, StringComparison.Ordinal);
            Assert.False(TopicsSelect(page).Instance.Disabled);
        });

        await page.InvokeAsync(() => TopicsSelect(page).Instance.OpenMenu());

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".topic-option")));
        var options = popovers.FindAll(".topic-option").Select(o => o.TextContent.Trim()).ToList();
        // Escalation counts a statement tagged with it and a sub-topic once; white-house-caution (2022) is before "from".
        Assert.Contains("Escalation (9)", options);
        Assert.Contains("Troop deployment (7)", options);
        Assert.Contains("Military aid (2)", options);
        Assert.Contains("Gaza (0)", options);
    }

    [Fact]
    public void A_single_topic_address_works_as_before_with_its_filter_shown()
    {
        var page = RenderAt("/statements?topic=troop-deployment");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("7 statements match", page.Find(".statements-count").TextContent, StringComparison.Ordinal);
            Assert.Equal("Topic: Troop deployment", page.Find(".active-filter-text").TextContent.Trim());
        });
        Assert.Empty(page.FindAll(".active-filters-clear"));
    }

    [Fact]
    public async Task The_topics_select_stays_closed_and_disabled_until_the_topics_arrive_so_no_menu_is_pulled_from_under_the_pointer()
    {
        // The select is made again when the topic names arrive (it is keyed by them).
        topicReads.Hold();
        var page = RenderAt("/statements");
        page.WaitForAssertion(() => Assert.Equal(1, topicReads.Started));

        var loading = TopicsSelect(page);
        Assert.True(loading.Instance.Disabled);
        Assert.Contains("Loading topics…", loading.Markup, StringComparison.Ordinal);

        topicReads.Release();
        page.WaitForAssertion(() => Assert.False(TopicsSelect(page).Instance.Disabled));
        await page.InvokeAsync(() => TopicsSelect(page).Instance.OpenMenu());
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".topic-option"), o => o.TextContent.Contains("Troop deployment", StringComparison.Ordinal)));
    }

    private static IRenderedComponent<MudSelect<string>> TopicsSelect(IRenderedComponent<StatementsPage> page) =>
        page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Topics");
}
