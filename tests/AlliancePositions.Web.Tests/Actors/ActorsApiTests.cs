using System.Net;
using System.Xml.Linq;

namespace AlliancePositions.Web.Tests.Actors;

public class ActorsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Timeline_csv_is_stamped_and_filtered()
    {
        using var client = app.CreateClient();
        var csv = await client.GetStringAsync("/api/actors/emmanuel-macron/timeline.csv?question=nato-involvement&asOf=2024-05-01&knownAt=2024-05-01",
            TestContext.Current.CancellationToken);

        Assert.Contains("as of 1 May 2024, known at 1 May 2024 · methodology", csv, StringComparison.Ordinal);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("\"#", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count); // header and the one statement coded on the question
        Assert.StartsWith("\"statement\",\"macron-no-nato\",\"2024\",", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_svg_is_well_formed_and_names_both_actors()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/actors/emmanuel-macron/chart.svg?compare=olaf-scholz", TestContext.Current.CancellationToken);

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Emmanuel Macron and Olaf Scholz", svg.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_actor_download_is_404()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/actors/nobody/timeline.csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/actors/emmanuel-macron/timeline?topic=no-such-topic")]
    [InlineData("/api/actors/emmanuel-macron/timeline.csv?topic=no-such-topic")]
    public async Task An_unknown_topic_on_the_timeline_is_a_field_error_not_an_empty_list(string url)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("No topic has the key \"no-such-topic\".", problem.RootElement.GetProperty("errors").GetProperty("topic")[0].GetString());
    }
}
