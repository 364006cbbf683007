using System.Net;
using AlliancePositions.Core.Stances;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Questions;

public class QuestionsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Under_method_1_0_the_agreement_csv_is_stamped_and_has_a_row_per_pair_as_cited_before()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/questions/troop-deployment/agreement.csv?asOf=2024-04-30&knownAt=2024-04-30&method=1.0", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"# as of 30 Apr 2024, known at 30 Apr 2024 · methodology 1.0\"", lines[1]);
        var pair = Assert.Single(lines, l => l.StartsWith("\"emmanuel-macron\",", StringComparison.Ordinal) && l.Contains(",\"olaf-scholz\",", StringComparison.Ordinal));
        Assert.EndsWith(",\"disagree\",\"0.1875\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"", pair, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_2_0_the_agreement_csv_has_the_intervals_of_both_positions_and_of_the_score()
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync("/api/questions/troop-deployment/agreement.csv?asOf=2024-04-30&knownAt=2024-04-30", TestContext.Current.CancellationToken);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("methodology 2.0", lines[1], StringComparison.Ordinal);
        var header = Assert.Single(lines, l => l.StartsWith("\"actor_a\"", StringComparison.Ordinal));
        Assert.EndsWith("\"score_low\",\"score_high\",\"uncertain\"", header, StringComparison.Ordinal);
        var pair = Assert.Single(lines, l => l.StartsWith("\"emmanuel-macron\",", StringComparison.Ordinal) && l.Contains(",\"olaf-scholz\",", StringComparison.Ordinal));
        // Macron +1.09 (95% 0.24 to 1.93), Scholz -1.79 (-2.79 to -0.80); score 0.28, 95% 0 to 0.61, so uncertain.
        Assert.Matches(@"""0\.24\d*"",""1\.92\d*"",""-2\.78\d*"",""-0\.79\d*"",""0"",""0\.60\d*"",""true""$", pair);
    }

    [Fact]
    public async Task Under_2_0_the_heat_map_svg_writes_each_cells_interval()
    {
        using var client = app.CreateClient();
        var svg = await client.GetStringAsync("/api/questions/troop-deployment/agreement.svg?asOf=2024-04-30", TestContext.Current.CancellationToken);

        Assert.Contains("Emmanuel Macron and Olaf Scholz: uncertain, score 0.28 (95% 0.00–0.61), on 3 statements", svg, StringComparison.Ordinal);
        Assert.Contains(">0.00–0.61</text>", svg, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(svg);
    }

    [Fact]
    public async Task Stances_are_2_0_by_default_with_an_interval_and_sd_and_1_0_on_request_without()
    {
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var v2 = await ReadStanceAsync(client, "/api/questions/troop-deployment/stances?asOf=2024-04-30", "emmanuel-macron", ct);
        var v1 = await ReadStanceAsync(client, "/api/questions/troop-deployment/stances?asOf=2024-04-30&method=1.0", "emmanuel-macron", ct);
        var hindsight = await ReadStanceAsync(client, "/api/questions/troop-deployment/stances?asOf=2024-04-30&view=hindsight", "emmanuel-macron", ct);

        Assert.Equal(("2.0", 1.086), (v2.GetProperty("method").GetString(), Math.Round(v2.GetProperty("position").GetDouble(), 3)));
        Assert.Equal(Math.Sqrt(0.1846), v2.GetProperty("sd").GetDouble(), 3);
        Assert.True(v2.GetProperty("interval").GetProperty("low").GetDouble() < 1.086 && v2.GetProperty("interval").GetProperty("high").GetDouble() > 1.086);
        Assert.Equal(("1.0", 1.25), (v1.GetProperty("method").GetString(), v1.GetProperty("position").GetDouble()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, v1.GetProperty("interval").ValueKind);
        Assert.StartsWith("Smoothed (hindsight", hindsight.GetProperty("arithmetic").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("method=3.0", "method")]
    [InlineData("view=sideways", "view")]
    [InlineData("method=1.0&view=hindsight", "view")]
    public async Task A_method_or_view_that_cannot_be_read_is_a_400_naming_the_field(string query, string field)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/questions/troop-deployment/agreement?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_agreement_answer_is_kept_until_the_next_write_through_the_app()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fresh = new AppFactory();
        using var client = fresh.CreateClient();
        const string url = "/api/questions/troop-deployment/agreement?asOf=2024-04-30&actors=olaf-scholz,emmanuel-macron";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, ct)).StatusCode);

        // Scholz renamed behind the app's back: no write through its contexts, so nothing tells the cache.
        Assert.Equal(1, await fresh.ChangeBehindTheAppAsync("UPDATE \"Actors\" SET \"Slug\" = 'olaf-scholz-renamed' WHERE \"Slug\" = 'olaf-scholz'", ct));
        var kept = await client.GetAsync(url, ct);
        fresh.Services.GetRequiredService<StanceCache>().Invalidate(); // what any write through the app does
        var afterWrite = await client.GetAsync(url, ct);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode); // the answer kept, not the actors looked up again
        Assert.Equal(HttpStatusCode.BadRequest, afterWrite.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await afterWrite.Content.ReadAsStringAsync(ct));
        Assert.Equal("No actor has the key \"olaf-scholz\".", problem.RootElement.GetProperty("errors").GetProperty("actors")[0].GetString());
        // The kept answer is the JSON as first written, sent as such.
        Assert.Equal("application/json; charset=utf-8", kept.Content.Headers.ContentType!.ToString());
        Assert.Equal(kept.Content.Headers.ContentLength, (await kept.Content.ReadAsByteArrayAsync(ct)).Length);
        Assert.Contains("\"olaf-scholz\"", await kept.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreement_cells_carry_an_interval_and_whether_they_are_uncertain()
    {
        using var client = app.CreateClient();
        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/questions/troop-deployment/agreement?asOf=2024-04-30", TestContext.Current.CancellationToken));

        Assert.Equal("2.0", json.RootElement.GetProperty("methodology").GetString());
        var cell = json.RootElement.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("a").GetString() == "emmanuel-macron" && c.GetProperty("b").GetString() == "olaf-scholz");
        Assert.Equal(0.0, cell.GetProperty("interval").GetProperty("low").GetDouble(), 3);
        Assert.Equal(0.606, cell.GetProperty("interval").GetProperty("high").GetDouble(), 3);
        Assert.True(cell.GetProperty("uncertain").GetBoolean());
    }

    private static async Task<System.Text.Json.JsonElement> ReadStanceAsync(HttpClient client, string url, string actor, CancellationToken ct)
    {
        var response = await client.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.EnumerateArray().Single(s => s.GetProperty("actor").GetString() == actor);
    }

    [Fact]
    public async Task Every_unknown_actor_of_an_agreement_request_is_named_in_one_answer()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/questions/troop-deployment/agreement?actors=nobody,olaf-scholz,no-one", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["No actor has the key \"nobody\".", "No actor has the key \"no-one\"."],
            problem.RootElement.GetProperty("errors").GetProperty("actors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_heat_map_svg_names_the_pair_and_the_stamp()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/questions/troop-deployment/agreement.svg?method=1.0", TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("Emmanuel Macron and Olaf Scholz: disagree, score 0.19, on 3 statements", svg, StringComparison.Ordinal);
        Assert.Contains("methodology 1.0", svg, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(svg);
    }

    [Fact]
    public async Task Unknown_question_export_is_404_and_a_bad_date_is_400()
    {
        using var client = app.CreateClient();
        var missing = await client.GetAsync("/api/questions/no-such/agreement.csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var bad = await client.GetAsync("/api/questions/troop-deployment/agreement.csv?asOf=soon", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
