using System.Globalization;
using System.Text.Json;
using AlliancePositions.BrowserTests.Workspace;
using AlliancePositions.Core.Corpus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Actors;

/// <summary>
/// Methodology 2.0 as an analyst sees it: the 95% interval on an actor's page narrows as consistent statements arrive,
/// and the hindsight view moves an earlier stance towards a later reversal. The statements are imported as a corpus
/// would be, on a server of their own, so the seed the other browser tests read stays as it is.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StanceIntervalBrowserTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    private const string Question = "Should Western troops be deployed to Ukraine?";
    private const string ActorPage = "/actors/avery-example?asOf=2024-06-01&knownAt=2024-10-01";

    [Fact]
    public async Task Analyst_watches_an_interval_narrow_with_each_consistent_statement_and_hindsight_move_before_a_reversal()
    {
        var page = await workspace.Browser.OpenAsync("/");
        await ImportAsync("first", "2024-05-02", position: 2);
        await workspace.GoToAsync(page, ActorPage);
        var first = await IntervalWidthAsync(page);

        await ImportAsync("second", "2024-05-20", position: 2);
        await page.ReloadAsync();
        await WorkspaceFixture.WaitInteractiveAsync(page);
        var second = await IntervalWidthAsync(page);

        Assert.True(second < first, $"a second consistent statement should narrow the interval: {first:0.00} then {second:0.00}");
        await Assertions.Expect(page.Locator("svg.stance-chart rect.interval-band").First).ToBeAttachedAsync();

        // A reversal in September: as of 1 June nothing of it counts, but in hindsight it pulls June's stance down.
        await ImportAsync("reversal-1", "2024-09-01", position: -2);
        await ImportAsync("reversal-2", "2024-09-02", position: -2);
        await page.ReloadAsync();
        await WorkspaceFixture.WaitInteractiveAsync(page);
        var asOf = await PositionAsync(page);
        // On the chart, the hindsight line starts below the line as it stood then: the reversal pulls May's stance down
        // (without it, the second +2 would pull it up). SVG's y grows downwards.
        var troopsPanel = page.Locator("svg.stance-chart g.panel").Filter(new() { HasText = Question });
        var hindsightStart = FirstY(await troopsPanel.Locator("path.hindsight-line").GetAttributeAsync("d"));
        var asOfStart = FirstY(await troopsPanel.Locator("path.stance-line").GetAttributeAsync("d"));
        Assert.True(hindsightStart > asOfStart, $"the hindsight line should start lower: y {hindsightStart} against {asOfStart}");

        await page.GetByLabel("Methodology and view").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "2.0 hindsight" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("view=hindsight"));
        await Assertions.Expect(Row(page).Locator("td.position")).Not.ToHaveTextAsync(Signed(asOf));
        var hindsight = await PositionAsync(page);

        Assert.True(hindsight < asOf, $"hindsight {hindsight:+0.00} should sit below the as-of {asOf:+0.00} before the reversal");
        await Assertions.Expect(page.GetByText("methodology 2.0 · in hindsight").First).ToBeAttachedAsync();
    }

    private static ILocator Row(IPage page) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = Question });

    private static async Task<double> IntervalWidthAsync(IPage page)
    {
        // The table fills in after the page is interactive; until then a cell may hold a placeholder ("—").
        var cell = Row(page).Locator("td.interval");
        await Assertions.Expect(cell).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d to [+-]?\d"));
        var text = await cell.InnerTextAsync();
        var ends = text.Split(" to ").Select(Number).ToArray();
        return ends[1] - ends[0];
    }

    private static async Task<double> PositionAsync(IPage page)
    {
        var cell = Row(page).Locator("td.position");
        await Assertions.Expect(cell).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*[+-]?\d"));
        return Number(await cell.InnerTextAsync());
    }

    /// <summary>The y of a path's first point: "M120 45.5 H300 ..." gives 45.5.</summary>
    private static double FirstY(string? path) => Number(path!.TrimStart('M').Split(' ')[1]);

    private static double Number(string text) => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>One A1 document with one direct quote by a fictional minister, coded on the troop question: a corpus file of its own.</summary>
    private async Task ImportAsync(string key, string date, int position)
    {
        var text = $"The minister said on {date}: \"We stand where we stand.\"";
        var documentKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
        var quote = "We stand where we stand.";
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        // The vocabulary the statements use (the question, its topic, the coder) as the app already holds it.
        await using var scope = workspace.Browser.App.Services.CreateAsyncScope();
        using var stored = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<CorpusExporter>().WriteAsync(stored, TestContext.Current.CancellationToken);
        using var vocabulary = JsonDocument.Parse(stored.ToArray());
        var corpus = new Dictionary<string, object>
        {
            ["formatVersion"] = 1,
            ["topics"] = vocabulary.RootElement.GetProperty("topics").Clone(),
            ["questions"] = vocabulary.RootElement.GetProperty("questions").Clone(),
            ["coders"] = vocabulary.RootElement.GetProperty("coders").Clone(),
            ["actors"] = new[] { new { slug = "avery-example", name = "Avery Example", kind = "person" } },
            ["documents"] = new[]
            {
                new
                {
                    key = documentKey, title = $"Avery Example, {date}", publishedOn = date, language = "en", reliabilityOverride = "A",
                    reliabilityReason = "A transcript of the minister's own words.", text,
                    annotations = new[] { new { key = $"an-{key}", start, end = start + quote.Length, exact = quote } },
                },
            },
            ["statements"] = new[]
            {
                new
                {
                    key = $"avery-{key}", actor = "avery-example", kind = "quote", date, datePrecision = "day", summary = $"Avery Example on troops ({key}).",
                    evidence = new[] { $"an-{key}" }, credibility = 1,
                    codings = new[] { new { question = "troop-deployment", coder = "seed-analyst", position } },
                },
            },
        };
        var json = JsonSerializer.Serialize(corpus);
        await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(json, $"{key}.json", TestContext.Current.CancellationToken);
    }
}
