using System.Globalization;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Actors;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Actors;

/// <summary>The stance chart's table alternative, and its labels kept clear of the axes.</summary>
public class StanceChartTableTests : SeededComponentTest
{
    public StanceChartTableTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void The_table_holds_the_same_points_as_the_chart_and_is_rendered_only_while_open()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/actors/emmanuel-macron?asOf=2024-04-30&compare=olaf-scholz");
        Render<MudPopoverProvider>();
        var page = Render<ActorPage>(p => p.Add(x => x.Slug, "emmanuel-macron"));
        var chart = this.DrawnChart(page);
        // Closed, the table keeps no rows in the circuit; opened, it lists every point.
        Assert.Empty(page.FindAll("details.chart-table tr"));
        Assert.Null(page.Find("details.chart-table").GetAttribute("open"));
        page.Find("details.chart-table summary").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("details.chart-table").GetAttribute("open")));
        Assert.Equal("Hide the table", page.Find("details.chart-table summary").TextContent);

        // Each point's spoken label starts "<actor>, <date>: <stance> (<position>[, 95% <interval>])".
        var fromChart = chart.FindAll("svg.stance-chart .chart-point")
            .Select(p => p.GetAttribute("aria-label")!).Select(label => label[..(label.IndexOf(") after ", StringComparison.Ordinal) + 1)]).ToList();
        var fromTable = page.FindAll("details.chart-table table.chart-data tbody tr").Select(row =>
        {
            var cells = row.Children.Select(c => c.TextContent).ToList();
            var interval = cells[4] == "—" ? "" : $", 95% {cells[4]}";
            return $"{cells[0]}, {cells[1]}: {cells[2]} ({cells[3]}{interval})";
        }).ToList();

        Assert.True(fromChart.Select(l => l.Split(',')[0]).Distinct().Count() == 2, string.Join(" | ", fromChart));
        Assert.Equal(fromChart, fromTable);
        Assert.Equal(chart.FindAll("svg.stance-chart g.panel").Select(g => g.GetAttribute("aria-label")),
            page.FindAll("table.chart-data caption").Select(c => c.TextContent));

        page.Find("details.chart-table summary").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("details.chart-table tr")));
        Assert.Equal("Show the chart as a table", page.Find("details.chart-table summary").TextContent);
    }

    [Fact]
    public void Point_dates_stay_inside_the_plot_clear_of_the_month_labels_and_the_band_labels()
    {
        // Points on both extremes, the first right after the axis starts: the labels that used to cross the axes.
        var day = new DateOnly(2024, 2, 26);
        StancePoint At(DateOnly date, double position, string key) => new(PartialDate.Create(date, DatePrecision.Day), position,
            position < 0 ? StanceBand.Opposes : StanceBand.Supports, key);
        var mine = new ChartSeries("a", "Actor A", [At(day, -2, "s1"), At(day.AddDays(40), 2, "s2")], []);
        var theirs = new ChartSeries("b", "Actor B", [At(day.AddDays(3), 2, "s3"), At(day.AddDays(60), -2, "s4")], []);
        var data = new StanceChartData("Actor A", "Actor B", [new ChartPanel("q", "A question?", [mine, theirs])],
            new DateOnly(2024, 2, 20), new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 1), new Dictionary<string, string>(), "stamp");

        var chart = Render<StanceChart>(p => p.Add(c => c.Data, data));

        // The first panel's plot runs from y 78 to 208; the month labels sit at 224, the panel title at 68, the band labels left of x 120.
        var labels = chart.FindAll("g.point-date text");
        Assert.Equal(4, labels.Count);
        Assert.All(labels, label =>
        {
            var (x, y) = (Number(label.GetAttribute("x")), Number(label.GetAttribute("y")));
            Assert.InRange(y, 78 + 9, 208);
            var width = label.TextContent.Length * 5.6;
            var left = label.GetAttribute("text-anchor") switch { "start" => x, "end" => x - width, _ => x - width / 2 };
            Assert.True(left >= 120, $"The label '{label.TextContent}' starts at x {left}, over the band labels.");
        });
    }

    [Fact]
    public void A_points_words_are_text_in_the_drawing_whatever_the_statement_says()
    {
        // Points are written as markup in one piece (StanceChart.PointsMarkup): every word in them must arrive as text.
        const string hostile = "\"><script>alert(1)</script><g onclick=\"alert(2)\">&amp;";
        var day = new DateOnly(2024, 2, 26);
        var point = new StancePoint(PartialDate.Create(day, DatePrecision.Month), 1, StanceBand.LeansSupport, "k\"<1>");
        var data = new StanceChartData("Actor A", null, [new ChartPanel("q", "A question?", [new ChartSeries("a\"<", "Actor A", [point], [])])],
            new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 1), new Dictionary<string, string> { ["k\"<1>"] = hostile }, "stamp");

        var chart = Render<StanceChart>(p => p.Add(c => c.Data, data));

        Assert.Empty(chart.FindAll("script"));
        Assert.Empty(chart.FindAll("[onclick]"));
        var drawn = Assert.Single(chart.FindAll(".chart-point"));
        Assert.Contains(hostile, drawn.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains(hostile, drawn.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("a\"<", "k\"<1>"), (drawn.GetAttribute("data-actor"), drawn.GetAttribute("data-statement")));
        Assert.Equal("Feb 2024", chart.Find("g.point-date text").TextContent);
    }

    private static double Number(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);
}
