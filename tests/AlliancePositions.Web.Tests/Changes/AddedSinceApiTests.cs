using System.Net;
using AlliancePositions.Web.Changes;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Changes;

/// <summary>"Added since" over HTTP: what was recorded after an instant, whatever the date it speaks of.</summary>
public class AddedSinceApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_statements_added_now_about_a_2024_speech_are_added_since_though_nothing_is_new_by_date()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var actor = await NewActorAsync(analyst);
        var (_, annotation, _) = await NewEvidenceAsync(analyst);
        await Task.Delay(20, Ct);
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(20, Ct);
        var first = await NewStatementAsync(analyst, actor, annotation);
        var second = await NewStatementAsync(analyst, actor, annotation);
        var instant = Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));

        var added = await GetJsonAsync(app, $"/api/changes/added?added={instant}");
        var byDate = await GetJsonAsync(app, $"/api/changes?since={since.UtcDateTime:yyyy-MM-dd}");

        Assert.Equal(2, added.GetProperty("total").GetInt32());
        Assert.Equal([second, first], added.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.All(added.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("statement", i.GetProperty("kind").GetString());
            Assert.Equal(actor, i.GetProperty("actor").GetString());
            Assert.Equal("Rules out ground troops", i.GetProperty("title").GetString());
        });
        Assert.DoesNotContain(byDate.GetProperty("items").EnumerateArray(), i => i.GetProperty("type").GetString() == "statement");
    }

    [Fact]
    public async Task Added_since_pages_on_the_server()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var actor = await NewActorAsync(analyst);
        var (_, annotation, _) = await NewEvidenceAsync(analyst);
        await Task.Delay(20, Ct);
        var since = AddedSinceQuery.Write(DateTimeOffset.UtcNow.AddSeconds(-1));
        for (var i = 0; i < 3; i++) await NewStatementAsync(analyst, actor, annotation);

        var second = await GetJsonAsync(app, $"/api/changes/added?added={Uri.EscapeDataString(since)}&pageSize=2&page=2");

        Assert.True(second.GetProperty("total").GetInt32() >= 3);
        Assert.InRange(second.GetProperty("items").GetArrayLength(), 1, 2);
    }

    [Theory]
    [InlineData("yesterday", "is not an instant for added")]
    [InlineData("2026-11-30T09:00:00", "is not an instant for added")]
    [InlineData("2026-13-40T09:00:00Z", "is not an instant for added")]
    [InlineData("1850-01-01", "outside the dates the app works with")]
    public async Task An_unreadable_instant_is_a_400_problem_naming_the_field(string added, string message)
    {
        var response = await GetAsync(app, $"/api/changes/added?added={Uri.EscapeDataString(added)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, Errors(await JsonAsync(response), "added")[0], StringComparison.Ordinal);
    }
}
