using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Meetings;

/// <summary>
/// The meetings API over HTTP: the list and a meeting, recording one (unknown participants are field errors), and
/// editing (If-Match), deleting and restoring it.
/// </summary>
public class MeetingsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetJsonAsync(string path) => ApiCalls.GetJsonAsync(app, path);
    private Task DeleteAndRestoreAsync(HttpClient analyst, string path, string readPath) => ApiCalls.DeleteAndRestoreAsync(app, analyst, path, readPath);

    [Fact]
    public async Task Meetings_list_and_read()
    {
        var list = await GetJsonAsync("/api/meetings");
        Assert.Equal(list.GetProperty("total").GetInt32(), list.GetProperty("items").GetArrayLength());
        var key = list.GetProperty("items")[0].GetProperty("key").GetString();
        var meeting = await GetJsonAsync($"/api/meetings/{key}");
        Assert.True(meeting.GetProperty("participants").GetArrayLength() >= 2);
        Assert.Contains(meeting.GetProperty("kind").GetString(), new[] { "call", "bilateral", "summit", "conference", "visit" });
    }

    [Fact]
    public async Task A_meeting_is_recorded_and_bad_keys_are_field_errors()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var created = await client.PostAsJsonAsync("/api/meetings",
            new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" }, topics = new[] { "troop-deployment" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await JsonAsync(created)).GetProperty("key").GetString();
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{key}", Ct);
        Assert.Equal("call", read.GetProperty("kind").GetString());

        var invalid = await client.PostAsJsonAsync("/api/meetings", new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "nobody" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("No actor has the key \"nobody\".", Errors(await JsonAsync(invalid), "participants"));
    }

    [Fact]
    public async Task A_meeting_is_edited_with_If_Match_deleted_and_restored()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var created = await analyst.PostAsJsonAsync("/api/meetings", new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" } }, Ct);
        var key = (await JsonAsync(created)).GetProperty("key").GetString();
        var path = $"/api/meetings/{key}";

        var current = await EditCycleAsync(analyst, path, path,
            new { kind = "bilateral", date = "2024-03-06", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" }, place = "Washington" },
            new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "olaf-scholz", "joe-biden" } });

        Assert.Equal(("bilateral", "Washington"), (current.GetProperty("kind").GetString(), current.GetProperty("place").GetString()));
        var etag = await ETagAsync(analyst, path);
        var invalid = await PutAsync(analyst, path, new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "nobody" } }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(analyst, "/api/meetings/nothing", new { kind = "call" }, "\"1\"")).StatusCode);
        await DeleteAndRestoreAsync(analyst, path, path);
    }
}
