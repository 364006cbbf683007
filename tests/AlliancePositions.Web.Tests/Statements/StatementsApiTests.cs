using System.Net;
using System.Net.Http.Json;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Statements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Statements;

public class StatementsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Csv_export_has_the_filtered_rows_under_a_stamped_header()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/statements.csv?topic=troop-deployment", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("methodology 2.0", lines[0], StringComparison.Ordinal);
        Assert.Contains("topic=troop-deployment", lines[0], StringComparison.Ordinal);
        Assert.Equal(string.Join(',', StatementCsv.Columns.Select(c => $"\"{c}\"")), lines[1]);
        Assert.Equal(7, lines.Length - 2);
        Assert.Contains(lines, l => l.StartsWith("\"scholz-warns\",\"2024-02\",\"month\",\"olaf-scholz\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("\"macron-no-nato\",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_export_ignores_paging_and_returns_every_match()
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync("/api/statements.csv?pageSize=1&page=3", TestContext.Current.CancellationToken);
        Assert.Equal(12, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 2);
    }

    [Fact]
    public async Task Quotes_with_commas_survive_the_export()
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync("/api/statements.csv?actor=olaf-scholz", TestContext.Current.CancellationToken);
        // The summary has commas and a colon: one quoted cell, not several.
        Assert.Contains("\"Scholz advises Macron not to take the step: other leaders would have to reject it, and the division", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind=rumour", "kind")]
    [InlineData("from=2024-02-30", "from")]
    [InlineData("credibility=9", "credibility")]
    [InlineData("actor=nobody-at-all", "actor")]
    public async Task Bad_filter_is_a_400_problem_naming_the_field(string query, string field)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/statements.csv?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task A_filter_s_answer_is_kept_until_the_next_write_through_the_app()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fresh = new AppFactory();
        using var client = fresh.CreateClient();
        const string url = "/api/statements?actor=olaf-scholz&pageSize=5";
        Assert.Contains("scholz-warns", await client.GetStringAsync(url, ct), StringComparison.Ordinal);

        // The summary changed behind the app's back: no write through its contexts, so nothing tells the cache.
        Assert.Equal(1, await fresh.ChangeBehindTheAppAsync("""UPDATE "Statements" SET "Summary" = 'Changed behind the app' WHERE "Key" = 'scholz-warns'""", ct));
        var kept = await client.GetAsync(url, ct);
        var refused = await client.GetAsync("/api/statements?actor=nobody-at-all", ct);
        fresh.Services.GetRequiredService<StanceCache>().Invalidate(); // what any write through the app does
        var afterWrite = await client.GetStringAsync(url, ct);

        Assert.Equal("application/json; charset=utf-8", kept.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain("Changed behind the app", await kept.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("Changed behind the app", afterWrite, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // a refusal is kept as a refusal, still a problem naming the field
        Assert.Contains("actor", (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>(ct))!.Errors.Keys);
    }
}
