using System.Net;

namespace AlliancePositions.Web.Tests.Questions;

public class QuestionsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_agreement_csv_is_stamped_and_has_a_row_per_pair()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/questions/troop-deployment/agreement.csv?asOf=2024-04-30&knownAt=2024-04-30", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"# as of 30 Apr 2024, known at 30 Apr 2024 · methodology 1.0\"", lines[1]);
        var pair = Assert.Single(lines, l => l.StartsWith("\"emmanuel-macron\",", StringComparison.Ordinal) && l.Contains(",\"olaf-scholz\",", StringComparison.Ordinal));
        Assert.EndsWith(",\"disagree\",\"0.1875\"", pair, StringComparison.Ordinal);
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
        var response = await client.GetAsync("/api/questions/troop-deployment/agreement.svg", TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("Emmanuel Macron and Olaf Scholz: disagree, score 0.19", svg, StringComparison.Ordinal);
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
