using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// What every JSON read shares: an unreadable parameter or an unknown key is a problem naming it, vocabularies
/// are bare arrays, and the OpenAPI document describes the routes and their bodies.
/// </summary>
public class ApiReadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetJsonAsync(string path) => ApiCalls.GetJsonAsync(app, path);
    private Task<HttpResponseMessage> GetAsync(string path) => ApiCalls.GetAsync(app, path);

    [Theory]
    [InlineData("/api/actors?page=0", "page")]
    [InlineData("/api/actors?pageSize=501", "pageSize")]
    [InlineData("/api/documents?pageSize=abc", "pageSize")]
    [InlineData("/api/meetings?page=-1", "page")]
    [InlineData("/api/actors/olaf-scholz/timeline?from=2024-13-01", "from")]
    [InlineData("/api/statements?kind=rumour", "kind")]
    [InlineData("/api/changes?since=yesterday", "since")]
    [InlineData("/api/questions/troop-deployment/agreement?actors=olaf-scholz,nobody", "actors")]
    [InlineData("/api/questions/troop-deployment/stances?asOf=soon", "asOf/knownAt")]
    public async Task An_unreadable_parameter_is_a_400_naming_it(string path, string field)
    {
        var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/actors/nobody")]
    [InlineData("/api/actors/nobody/timeline")]
    [InlineData("/api/actors/nobody/shifts")]
    [InlineData("/api/questions/nothing/stances")]
    [InlineData("/api/questions/nothing/agreement")]
    [InlineData("/api/statements/nothing")]
    [InlineData("/api/meetings/nothing")]
    [InlineData("/api/documents/nothing")]
    public async Task An_unknown_key_is_a_404_problem(string path)
    {
        var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Vocabularies_are_bare_arrays()
    {
        var questions = await GetJsonAsync("/api/questions");
        var troops = questions.EnumerateArray().Single(q => q.GetProperty("slug").GetString() == "troop-deployment");
        Assert.Equal(["slug", "title", "topic"], troops.EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(0, (await GetJsonAsync("/api/topics")).GetArrayLength());
        var country = (await GetJsonAsync("/api/countries")).EnumerateArray().First();
        Assert.Equal(2, country.GetProperty("code").GetString()!.Length);
        Assert.Equal(JsonValueKind.Array, (await GetJsonAsync("/api/blocs?asOf=2024-05-01")).ValueKind);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_JSON_routes_and_their_bodies()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/actors", "/api/questions/{slug}/agreement", "/api/statements/{id}/codings", "/api/documents/{id}/annotations", "/api/changes" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        var body = paths.GetProperty("/api/statements").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Contains("StatementRequest", body.GetProperty("schema").ToString(), StringComparison.Ordinal);
        // The agreement and the statement list are sent as JSON written once and kept; the document still names their shapes.
        var agreement = paths.GetProperty("/api/questions/{slug}/agreement").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Contains("AgreementJson", agreement.GetProperty("application/json").GetProperty("schema").ToString(), StringComparison.Ordinal);
        var list = paths.GetProperty("/api/statements").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Contains("StatementJson", list.GetProperty("application/json").GetProperty("schema").ToString(), StringComparison.Ordinal);
    }
}
