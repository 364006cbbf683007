using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Actors;

/// <summary>
/// The actors API over HTTP: the paged list, an actor with roles and its ETag, the timeline and shifts, and creating,
/// editing (If-Match), deleting and restoring an actor.
/// </summary>
public class ActorsApiContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetJsonAsync(string path) => ApiCalls.GetJsonAsync(app, path);
    private Task<HttpResponseMessage> GetAsync(string path) => ApiCalls.GetAsync(app, path);
    private Task DeleteAndRestoreAsync(HttpClient analyst, string path, string readPath) => ApiCalls.DeleteAndRestoreAsync(app, analyst, path, readPath);

    [Fact]
    public async Task Actors_are_paged_and_searchable_with_wire_kinds()
    {
        var all = await GetJsonAsync("/api/actors?pageSize=3");
        Assert.Equal(3, all.GetProperty("items").GetArrayLength());
        Assert.True(all.GetProperty("total").GetInt32() > 3);

        var scholz = Assert.Single((await GetJsonAsync("/api/actors?q=scholz")).GetProperty("items").EnumerateArray());
        Assert.Equal("olaf-scholz", scholz.GetProperty("slug").GetString());
        Assert.Equal("person", scholz.GetProperty("kind").GetString());
        Assert.Equal("DE", scholz.GetProperty("country").GetString());
    }

    [Fact]
    public async Task An_actor_has_roles_aliases_and_its_version_as_ETag()
    {
        var response = await GetAsync("/api/actors/olaf-scholz");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var actor = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var role = actor.GetProperty("roles")[0];
        Assert.Equal("head-of-government", role.GetProperty("officeKind").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", role.GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Array, actor.GetProperty("aliases").ValueKind);
    }

    [Fact]
    public async Task The_timeline_gives_each_item_a_type_and_a_date_with_its_precision()
    {
        var timeline = await GetJsonAsync("/api/actors/olaf-scholz/timeline?question=troop-deployment");
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains(i.GetProperty("type").GetString(), new[] { "statement", "meeting" }));
        var statement = items.First(i => i.GetProperty("type").GetString() == "statement");
        Assert.Equal("olaf-scholz", statement.GetProperty("statement").GetProperty("actor").GetString());
        Assert.Contains(statement.GetProperty("datePrecision").GetString(), new[] { "day", "month", "year" });
        Assert.Equal(timeline.GetProperty("total").GetInt32(), items.Count);
    }

    [Fact]
    public async Task Shifts_name_the_question_and_bands_in_wire_strings()
    {
        var shifts = await GetJsonAsync("/api/actors/emmanuel-macron/shifts");
        Assert.Equal(JsonValueKind.Array, shifts.ValueKind);
        foreach (var shift in shifts.EnumerateArray())
            Assert.DoesNotContain(shift.GetProperty("to").GetString()!, c => char.IsUpper(c));
        var filtered = await GetJsonAsync("/api/actors/emmanuel-macron/shifts?question=nato-involvement");
        Assert.All(filtered.EnumerateArray(), s => Assert.Equal("nato-involvement", s.GetProperty("question").GetString()));
    }

    [Fact]
    public async Task An_actor_is_created_with_a_slug_from_its_name()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var created = await client.PostAsJsonAsync("/api/actors", new { name = "Kaja Kallas", kind = "person", country = "EE", aliases = new[] { "Kallas" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var slug = (await JsonAsync(created)).GetProperty("slug").GetString();
        Assert.StartsWith("kaja-kallas", slug, StringComparison.Ordinal);
        Assert.Equal($"/api/actors/{slug}", created.Headers.Location?.OriginalString);

        var invalid = await client.PostAsJsonAsync("/api/actors", new { name = "", kind = "alien" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await JsonAsync(invalid);
        Assert.NotEmpty(Errors(problem, "name"));
        Assert.NotEmpty(Errors(problem, "kind"));
    }

    [Fact]
    public async Task An_actor_is_edited_with_If_Match_deleted_and_restored()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var slug = await NewActorAsync(analyst);
        var path = $"/api/actors/{slug}";

        var current = await EditCycleAsync(analyst, path, path, new { name = "Kaja Kallas", kind = "person", country = "EE", aliases = new[] { "Kallas" } },
            new { name = "Stale name", kind = "person" });

        Assert.Equal(("Kaja Kallas", slug), (current.GetProperty("name").GetString(), current.GetProperty("slug").GetString()));
        Assert.Equal("Kallas", (await analyst.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("aliases")[0].GetString());
        await DeleteAndRestoreAsync(analyst, path, path);
    }

    [Fact]
    public async Task Actor_edits_report_bad_input_and_unknown_slugs()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var slug = await NewActorAsync(analyst);
        var etag = await ETagAsync(analyst, $"/api/actors/{slug}");

        var invalid = await PutAsync(analyst, $"/api/actors/{slug}", new { name = "", kind = "alien" }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(analyst, "/api/actors/nobody", new { name = "X", kind = "person" }, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync("/api/actors/nobody", Ct)).StatusCode);
        Assert.Equal(etag, await ETagAsync(analyst, $"/api/actors/{slug}"));
    }

    [Fact]
    public async Task An_actor_with_statements_is_not_deleted_and_the_409_says_why()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var slug = await NewActorAsync(analyst);
        var (_, annotation, _) = await NewEvidenceAsync(analyst);
        var statement = await NewStatementAsync(analyst, slug, annotation);

        var refused = await analyst.DeleteAsync($"/api/actors/{slug}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(statement, (await JsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/actors/{slug}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/statements/{statement}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/statements/{statement}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/actors/{slug}", Ct)).StatusCode);
    }
}
