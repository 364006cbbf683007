using System.Net;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Statements;

/// <summary>Several topics over HTTP: repeated <c>topic=</c> values, and the counts per topic for a filter.</summary>
public class SeveralTopicsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Repeated_topics_list_statements_tagged_with_any_of_them()
    {
        var both = await GetJsonAsync(app, "/api/statements?topic=troop-deployment&topic=military-aid&pageSize=100");
        var troops = await GetJsonAsync(app, "/api/statements?topic=troop-deployment");

        Assert.Equal(9, both.GetProperty("total").GetInt32());
        Assert.Equal(7, troops.GetProperty("total").GetInt32());
        Assert.Contains(both.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == "blinken-intensify");
    }

    [Fact]
    public async Task Topic_counts_are_for_the_rest_of_the_filter_each_statement_once()
    {
        var counts = await GetJsonAsync(app, "/api/statements/topic-counts?topic=military-aid&from=2024-01-01");

        var byTopic = counts.EnumerateArray().ToDictionary(c => c.GetProperty("topic").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(9, byTopic["escalation"]);
        Assert.Equal(7, byTopic["troop-deployment"]);
        Assert.Equal(2, byTopic["military-aid"]);
        Assert.False(byTopic.ContainsKey("gaza"));
    }

    [Fact]
    public async Task The_csv_export_takes_several_topics_and_names_them_in_its_stamp()
    {
        using var client = app.CreateClient();
        var lines = (await client.GetStringAsync("/api/statements.csv?topic=troop-deployment&topic=military-aid", Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("topic=military-aid&topic=troop-deployment", lines[0], StringComparison.Ordinal);
        Assert.Equal(9, lines.Length - 2);
    }

    [Theory]
    [InlineData("/api/statements?topic=troop-deployment&topic=weather")]
    [InlineData("/api/statements/topic-counts?topic=troop-deployment&topic=weather")]
    public async Task An_unknown_topic_among_several_is_a_400_problem_naming_it(string path)
    {
        var response = await GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No topic has the key \"weather\".", Errors(await JsonAsync(response), "topic")[0]);
    }
}
