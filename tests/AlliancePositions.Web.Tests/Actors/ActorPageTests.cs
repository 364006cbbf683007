using AlliancePositions.Web.Actors;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Actors;

public class ActorPageTests : SeededComponentTest
{
    public ActorPageTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private IRenderedComponent<ActorPage> RenderActor(string slug, string? question = null, string? topic = null, string? compare = null,
        string? knownAt = null, string? asOf = null, string? method = null)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters($"/actors/{slug}",
            new Dictionary<string, object?> { ["question"] = question, ["topic"] = topic, ["compare"] = compare, ["knownAt"] = knownAt, ["asOf"] = asOf, ["method"] = method }));
        Render<MudPopoverProvider>();
        return Render<ActorPage>(p => p.Add(x => x.Slug, slug));
    }

    [Fact]
    public void Macrons_page_lists_his_statements_and_the_Blinken_meeting()
    {
        var page = RenderActor("emmanuel-macron");

        page.WaitForAssertion(() =>
        {
            var timeline = page.Find(".actor-timeline").TextContent;
            Assert.Contains("announcing readiness to send NATO troops", timeline, StringComparison.Ordinal);
            Assert.Contains("Blinken's talks in Paris", timeline, StringComparison.Ordinal);
        });
        Assert.Equal("Emmanuel Macron", page.Find("h1").TextContent);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/meetings/blinken-paris-2024");
        Assert.Contains("Reinterpreted by", page.Find("#statement-macron-readiness").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("#statement-macron-readiness a"), a => a.GetAttribute("href") == "/actors/hanno-pevkur");
        Assert.Contains("Feb 2024", page.Find("#statement-macron-readiness .timeline-date").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_stances_and_the_chart_cover_every_question_he_spoke_to()
    {
        // Shortly after the seed report: two years on, methodology 2.0 rightly finds its February evidence too old to place him.
        var page = RenderActor("emmanuel-macron", asOf: "2024-04-30");

        var chart = this.DrawnChart(page);
        Assert.NotEmpty(chart.FindAll("svg.stance-chart .chart-point"));
        Assert.Equal("/api/actors/emmanuel-macron/chart.svg?asOf=2024-04-30", page.Find("stance-chart-drawing").GetAttribute("src"));
        var troops = page.FindAll(".actor-stances tbody tr").Single(r => r.TextContent.Contains("Should Western troops be deployed", StringComparison.Ordinal));
        Assert.Contains("Leans support", troops.TextContent, StringComparison.Ordinal);
        Assert.Equal("+1.09", troops.QuerySelector("td.position")!.TextContent);
        Assert.Equal("+0.24 to +1.93", troops.QuerySelector("td.interval")!.TextContent);
        Assert.NotEmpty(chart.FindAll("svg.stance-chart rect.interval-band"));
        Assert.NotEmpty(chart.FindAll("svg.stance-chart path.hindsight-line"));
        Assert.Contains("Should Western troops be deployed to Ukraine?", chart.Find("svg.stance-chart").TextContent, StringComparison.Ordinal);
        Assert.Contains("Supports ≥1.5", chart.Find("svg.stance-chart").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_point_picked_on_the_chart_shows_its_statement_and_is_ringed_until_the_note_is_closed()
    {
        var page = RenderActor("emmanuel-macron", asOf: "2024-04-30", compare: "olaf-scholz");
        var chart = this.DrawnChart(page);
        Assert.Empty(page.FindAll("svg.chart-selection"));

        // What the app's script sends for a click on a point: the line and statement the point's markup names.
        var point = chart.FindAll("svg.stance-chart .chart-point")[^1];
        var (actor, statement) = (point.GetAttribute("data-actor")!, point.GetAttribute("data-statement")!);
        Assert.Equal("olaf-scholz", actor);
        await page.Find(".chart-frame").TriggerEventAsync("onchartpointselect", new ChartPointEventArgs { Actor = actor, Statement = statement });

        var label = point.GetAttribute("aria-label")!;
        var summary = label[(label.IndexOf(" after \"", StringComparison.Ordinal) + 8)..label.LastIndexOf('"')];
        page.WaitForAssertion(() => Assert.Contains(summary, page.Find(".mud-alert").TextContent, StringComparison.Ordinal));
        // A ring sits where the chart drew each of the statement's points (one per question it is coded on; the dot is
        // a point's last circle, after any shift ring).
        static (string?, string?) Centre(AngleSharp.Dom.IElement circle) => (circle.GetAttribute("cx"), circle.GetAttribute("cy"));
        var dots = chart.FindAll("svg.stance-chart .chart-point")
            .Where(p => p.GetAttribute("data-actor") == actor && p.GetAttribute("data-statement") == statement)
            .Select(p => Centre(p.QuerySelectorAll("circle")[^1])).Order().ToList();
        Assert.Equal(dots, page.FindAll("svg.chart-selection circle").Select(Centre).Order().ToList());
        Assert.Equal(chart.Find("svg.stance-chart").GetAttribute("viewBox"), page.Find("svg.chart-selection").GetAttribute("viewBox"));

        // A click that missed every point changes nothing; closing the note takes the ring away.
        await page.Find(".chart-frame").TriggerEventAsync("onchartpointselect", new ChartPointEventArgs());
        Assert.Equal(dots.Count, page.FindAll("svg.chart-selection circle").Count);
        page.Find(".mud-alert button").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("svg.chart-selection")));
    }

    [Fact]
    public void Under_methodology_1_0_the_page_shows_the_weighted_mean_without_intervals_or_hindsight()
    {
        var page = RenderActor("emmanuel-macron", asOf: "2024-04-30", method: "1.0");

        var chart = this.DrawnChart(page);
        Assert.NotEmpty(chart.FindAll("svg.stance-chart .chart-point"));
        Assert.Equal("/api/actors/emmanuel-macron/chart.svg?asOf=2024-04-30&method=1.0", page.Find("stance-chart-drawing").GetAttribute("src"));
        var troops = page.FindAll(".actor-stances tbody tr").Single(r => r.TextContent.Contains("Should Western troops be deployed", StringComparison.Ordinal));
        Assert.Equal(("+1.25", "—"), (troops.QuerySelector("td.position")!.TextContent, troops.QuerySelector("td.interval")!.TextContent));
        Assert.Empty(chart.FindAll("svg.stance-chart rect.interval-band"));
        Assert.Empty(chart.FindAll("svg.stance-chart path.hindsight-line"));
        Assert.Contains("methodology 1.0", chart.Find("svg.stance-chart").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_filter_narrows_the_timeline_to_one_statement()
    {
        var page = RenderActor("emmanuel-macron", question: "nato-involvement");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".timeline-item")));
        Assert.Contains("NATO and US troops need not be involved", page.Find(".timeline-item").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_topic_puts_it_in_the_url()
    {
        var page = RenderActor("emmanuel-macron");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".timeline-item")));

        // Awaited: on a busy machine the choice may still be on its way when the URL is read.
        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Topic").Instance.ValueChanged.InvokeAsync("military-aid"));

        Assert.EndsWith("/actors/emmanuel-macron?topic=military-aid", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_with_Scholz_shows_how_sure_their_disagreement_on_troop_deployment_is()
    {
        var page = RenderActor("emmanuel-macron", compare: "olaf-scholz", asOf: "2024-04-30");

        page.WaitForAssertion(() =>
        {
            var troops = page.FindAll(".actor-stances tbody tr").Single(r => r.TextContent.Contains("Should Western troops be deployed", StringComparison.Ordinal));
            // Opposite sides, but one report each leaves the gap between them wide: 0.28, 95% 0.00 to 0.61 (see the question page test).
            Assert.Contains("Uncertain (28%, 95% 0%–61%)", troops.TextContent, StringComparison.Ordinal);
        });
        Assert.Matches(@"Overall agreement with Olaf Scholz:\s*\d+%\s*on \d+ shared questions?", page.Find(".overall-agreement").TextContent);
        // The chart follows the stances and the timeline (it replays the whole history).
        Assert.Contains("Olaf Scholz", this.DrawnChart(page).Find("svg.stance-chart").TextContent, StringComparison.Ordinal);
        Assert.Contains("compare=olaf-scholz", page.Find("stance-chart-drawing").GetAttribute("src"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_actor_shows_not_found()
    {
        var page = RenderActor("nobody-at-all");

        page.WaitForAssertion(() => Assert.Equal("No actor \"nobody-at-all\"", page.Find("h1").TextContent));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/actors");
    }

    [Fact]
    public void Empty_timeline_suggests_clearing_the_filter()
    {
        var page = RenderActor("hanno-pevkur", topic: "military-aid");

        page.WaitForAssertion(() => Assert.Contains("Nothing on the timeline with these filters", page.Find(".actor-timeline").TextContent, StringComparison.Ordinal));
        Assert.Contains(page.FindAll(".actor-timeline a"), a => a.TextContent.Contains("clearing", StringComparison.Ordinal));
    }

    [Fact]
    public void Known_at_before_the_article_leaves_no_evidence_from_it()
    {
        var page = RenderActor("emmanuel-macron", knownAt: "2024-03-01");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".timeline-item")));
        Assert.Empty(page.FindAll(".timeline-statement"));
        Assert.DoesNotContain("announcing readiness to send NATO troops", page.Markup, StringComparison.Ordinal);
        Assert.All(page.FindAll(".actor-stances tbody tr"), row => Assert.Contains("No record", row.TextContent, StringComparison.Ordinal));
    }
}
