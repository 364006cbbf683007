using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// Dates at the edges: every date a request carries (query or body) is checked against one supported range, 1900-01-01
/// to 2100-12-31, and refused outside it with a 400 problem; inside it the stance arithmetic stays finite.
/// </summary>
public class DateRangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/actors/olaf-scholz/chart.svg?asOf=0001-01-01")]
    [InlineData("/api/actors/olaf-scholz/timeline.csv?knownAt=0001-01-01")]
    [InlineData("/api/actors/olaf-scholz/shifts?asOf=2101-01-01")]
    [InlineData("/api/questions/troop-deployment/stances?asOf=3000-01-01")]
    [InlineData("/api/questions/troop-deployment/agreement?knownAt=9999-12-31")]
    [InlineData("/api/questions/troop-deployment/agreement.svg?asOf=1899-12-31")]
    [InlineData("/api/blocs?asOf=0001-01-01")]
    [InlineData("/api/statements?from=0001-01-01")]
    [InlineData("/api/statements.csv?to=3000-01-01")]
    [InlineData("/api/actors/olaf-scholz/timeline?to=9999-12-31")]
    [InlineData("/api/changes?since=0001-01-01")]
    public async Task A_query_date_outside_the_supported_range_is_a_400_problem_saying_the_range(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1900-01-01 to 2100-12-31", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2100-12-31")]
    public async Task Stances_and_the_chart_at_the_ends_of_the_range_are_finite(string date)
    {
        using var client = app.CreateClient();

        var stances = await client.GetAsync($"/api/questions/troop-deployment/stances?asOf={date}&knownAt={date}", Ct);
        Assert.Equal(HttpStatusCode.OK, stances.StatusCode);
        var numbers = Numbers(await stances.Content.ReadFromJsonAsync<JsonElement>(Ct)).ToList();
        Assert.All(numbers, n => Assert.True(double.IsFinite(n)));

        var chart = await client.GetAsync($"/api/actors/olaf-scholz/chart.svg?asOf={date}&knownAt={date}", Ct);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.DoesNotContain("NaN", await chart.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Methodology 1.0 weighs all evidence by recency, the weights that once underflowed to infinity.</summary>
    [Fact]
    public async Task Recency_weights_at_the_far_end_of_the_range_stay_above_zero()
    {
        using var client = app.CreateClient();
        var stances = await client.GetFromJsonAsync<JsonElement>("/api/questions/troop-deployment/stances?asOf=2100-12-31&method=1.0", Ct);
        var positions = stances.EnumerateArray().Select(s => s.GetProperty("position")).Where(p => p.ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(positions);
        Assert.All(positions, p => Assert.InRange(p.GetDouble(), -2, 2));
        var weights = stances.EnumerateArray().SelectMany(s => s.GetProperty("evidence").EnumerateArray()).Select(e => e.GetProperty("weight").GetDouble()).ToList();
        Assert.NotEmpty(weights);
        Assert.All(weights, w => Assert.True(w > 0, $"weight {w}"));
    }

    [Fact]
    public async Task An_imported_period_outside_the_supported_range_is_refused_with_its_path()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var corpus = """
            { "formatVersion": 1,
              "actors": [ { "slug": "ancient-office", "name": "Ancient office", "kind": "person",
                            "roles": [ { "office": "Minister", "officeKind": "other", "from": "0001-01-01" } ] } ] }
            """;

        var response = await analyst.PostAsync("/api/import", new StringContent(corpus, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("$.actors[0].roles[0].from", body, StringComparison.Ordinal);
        Assert.Contains("1900-01-01 to 2100-12-31", body, StringComparison.Ordinal);
    }

    private static IEnumerable<double> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        _ => [],
    };
}
