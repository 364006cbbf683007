using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>Paging past its bounds is a 400 on every list; the last page allowed is empty and still counts the real total.</summary>
public class PagingBoundsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/actors")]
    [InlineData("/api/documents")]
    [InlineData("/api/meetings")]
    [InlineData("/api/statements")]
    [InlineData("/api/changes")]
    [InlineData("/api/actors/olaf-scholz/timeline")]
    [InlineData("/api/statements.csv")]
    public async Task A_page_past_the_last_allowed_is_a_400_naming_page(string list)
    {
        using var client = app.CreateClient();
        foreach (var page in new[] { "2147483647", "1000001", "99999999999" })
        {
            var response = await client.GetAsync($"{list}?page={page}", Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("1,000,000", problem.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/actors")]
    [InlineData("/api/documents")]
    [InlineData("/api/meetings")]
    [InlineData("/api/statements")]
    [InlineData("/api/changes?since=2000-01-01")]
    [InlineData("/api/actors/olaf-scholz/timeline")]
    public async Task The_last_allowed_page_is_empty_and_counts_the_real_total(string list)
    {
        using var client = app.CreateClient();
        var separator = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var first = await client.GetFromJsonAsync<JsonElement>($"{list}{separator}pageSize=500", Ct);

        var last = await client.GetFromJsonAsync<JsonElement>($"{list}{separator}pageSize=500&page=1000000", Ct);

        Assert.Equal(0, last.GetProperty("items").GetArrayLength());
        Assert.Equal(first.GetProperty("total").GetInt32(), last.GetProperty("total").GetInt32());
    }
}
