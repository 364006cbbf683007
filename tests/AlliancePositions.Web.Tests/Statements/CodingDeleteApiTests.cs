using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Statements;

/// <summary>A coding is deleted on its own by an Analyst, named by statement, question and coder, and restored by an Admin.</summary>
public class CodingDeleteApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_deletes_a_coding_and_an_admin_restores_it()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var coded = await analyst.PostAsJsonAsync("/api/statements/scholz-warns/codings", new { question = "tougher-stance", position = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Created, coded.StatusCode);
        var coder = (await coded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("coding").GetString()!.Split('/')[2];
        var path = $"/api/statements/scholz-warns/codings/tougher-stance/{coder}";

        var before = await CodingsOnAsync(analyst, "tougher-stance");

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync(path, Ct)).StatusCode);
        Assert.Equal(before - 1, await CodingsOnAsync(analyst, "tougher-stance"));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"{path}/restore", null, Ct)).StatusCode);

        using var admin = await app.CreateClientAsync("Admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{path}/restore", null, Ct)).StatusCode);
        Assert.Equal(before, await CodingsOnAsync(analyst, "tougher-stance"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{path}/restore", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_unknown_coding_is_a_404_problem()
    {
        using var analyst = await app.CreateClientAsync("Analyst");

        var response = await analyst.DeleteAsync("/api/statements/scholz-warns/codings/no-such-question/seed-analyst", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> CodingsOnAsync(HttpClient client, string question)
    {
        var statement = await client.GetFromJsonAsync<JsonElement>("/api/statements/scholz-warns", Ct);
        return statement.GetProperty("codings").EnumerateArray().Count(c => c.GetProperty("question").GetString() == question);
    }
}
