using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Questions;

public class VocabularyApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_adds_a_question_and_rewords_it_with_if_match()
    {
        using var analyst = await app.CreateClientAsync("Analyst");

        var created = await analyst.PostAsJsonAsync("/api/questions", new
        {
            title = "Should Ukraine strike targets inside Russia with Western weapons?", topic = "escalation", key = "strikes-in-russia",
            minusTwoMeans = "Rules out any such strikes", plusTwoMeans = "Calls for strikes without limits",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("/api/questions/strikes-in-russia", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        var etag = created.Headers.ETag!.Tag;

        var body = new { title = "Should Ukraine strike inside Russia with Western weapons?", topic = "escalation", minusTwoMeans = "Rules them out", plusTwoMeans = "Calls for them" };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(analyst, body, null)).StatusCode);
        var updated = await SendAsync(analyst, body, etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stale = await SendAsync(analyst, body with { minusTwoMeans = "Later wording" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("Rules them out", (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("current").GetProperty("minusTwoMeans").GetString());
        var listed = await analyst.GetFromJsonAsync<JsonElement>("/api/questions", Ct);
        Assert.Contains(listed.EnumerateArray(), q => q.GetProperty("slug").GetString() == "strikes-in-russia");
    }

    [Fact]
    public async Task A_question_without_its_poles_is_a_400_naming_each_field()
    {
        using var analyst = await app.CreateClientAsync("Analyst");

        var response = await analyst.PostAsJsonAsync("/api/questions", new { title = "Should NATO close the sky?", topic = "nowhere" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["minusTwoMeans", "plusTwoMeans", "topic"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task A_viewer_cannot_add_a_topic_and_an_analyst_can()
    {
        using var viewer = await app.CreateClientAsync("Viewer");
        using var analyst = await app.CreateClientAsync("Analyst");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/topics", new { name = "Air defence" }, Ct)).StatusCode);
        var created = await analyst.PostAsJsonAsync("/api/topics", new { name = "Air defence", parent = "military-aid" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var topics = await analyst.GetFromJsonAsync<JsonElement>("/api/topics", Ct);
        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("slug").GetString() == "air-defence" && t.GetProperty("parent").GetString() == "military-aid");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/questions/strikes-in-russia") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.ParseAdd(ifMatch);
        return client.SendAsync(request, Ct);
    }
}
