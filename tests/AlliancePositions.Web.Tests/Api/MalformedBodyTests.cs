using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// A body that cannot be read, for any write (POST or PUT), is a 400 naming the field, never a 500.
/// </summary>
public class MalformedBodyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/statements", "{ not json", "body")]
    [InlineData("/api/statements", "", "body")]
    [InlineData("/api/statements", "[1, 2]", "body")]
    [InlineData("/api/statements", "{\"actor\": \"olaf-scholz\", \"date\": \"26 Feb 2024\"}", "date")]
    [InlineData("/api/statements", "{\"credibility\": \"high\"}", "credibility")]
    [InlineData("/api/statements", "{\"relation\": {\"type\": 3}}", "relation.type")]
    [InlineData("/api/actors", "{\"name\": \"X\", \"aliases\": \"not a list\"}", "aliases")]
    [InlineData("/api/documents", "{\"title\": \"X\", \"publishedOn\": \"2024-02\"}", "publishedOn")]
    [InlineData("/api/documents/a76fa100f53b/annotations", "{\"start\": \"ten\"}", "start")]
    [InlineData("/api/meetings", "{\"kind\": \"call\", \"participants\": \"olaf-scholz\"}", "participants")]
    [InlineData("/api/statements/scholz-warns/codings", "{\"position\": 1.5}", "position")]
    public async Task A_malformed_body_is_a_400_naming_the_field_never_a_500(string path, string json, string field)
    {
        using var client = await app.CreateClientAsync("Analyst");
        var response = await client.PostAsync(path, Raw(json), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(Errors(await JsonAsync(response), field));
    }

    [Fact]
    public async Task A_malformed_put_body_is_a_400()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/statements/scholz-warns") { Content = Raw("{ broken") };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_malformed_edit_body_is_a_400_naming_the_field()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/meetings/anything") { Content = new StringContent("{\"date\": \"5 March\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await analyst.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await JsonAsync(response)).GetProperty("errors").GetProperty("date").EnumerateArray());
    }
}
