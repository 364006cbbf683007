using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>The JSON reads over the seed: shapes, conventions (camelCase, wire strings, YYYY-MM-DD, keys), and error statuses.</summary>
public class ApiReadTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = app.CreateClient();
        return await client.GetAsync(path, Ct);
    }

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
    public async Task Stances_carry_band_since_and_evidence_as_the_issue_spells_them()
    {
        var stances = await GetJsonAsync("/api/questions/troop-deployment/stances?asOf=2024-05-01&knownAt=2024-05-01");
        var scholz = stances.EnumerateArray().Single(s => s.GetProperty("actor").GetString() == "olaf-scholz");
        Assert.Equal("opposes", scholz.GetProperty("band").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", scholz.GetProperty("since").GetString());
        var evidence = scholz.GetProperty("evidence")[0];
        foreach (var field in new[] { "statement", "date", "datePrecision", "position", "weight", "quote" })
            Assert.True(evidence.TryGetProperty(field, out _), field);
        Assert.Equal(scholz.GetProperty("evidenceCount").GetInt32(), scholz.GetProperty("evidence").GetArrayLength());

        var before = await GetJsonAsync("/api/questions/troop-deployment/stances?asOf=2020-01-01");
        Assert.Equal(0, before.GetArrayLength());
    }

    [Fact]
    public async Task Agreement_has_one_cell_per_pair_and_coalitions_by_side()
    {
        var matrix = await GetJsonAsync("/api/questions/troop-deployment/agreement?asOf=2024-05-01&knownAt=2024-05-01&actors=olaf-scholz,emmanuel-macron");
        Assert.Equal("troop-deployment", matrix.GetProperty("question").GetString());
        Assert.Equal("2024-05-01", matrix.GetProperty("asOf").GetString());
        Assert.Equal(["emmanuel-macron", "olaf-scholz"], matrix.GetProperty("actors").EnumerateArray().Select(a => a.GetString()));
        var cell = Assert.Single(matrix.GetProperty("cells").EnumerateArray());
        Assert.Equal(("emmanuel-macron", "olaf-scholz", "disagree"), (cell.GetProperty("a").GetString(), cell.GetProperty("b").GetString(), cell.GetProperty("relation").GetString()));
        Assert.Contains(matrix.GetProperty("coalitions").EnumerateArray(), c => c.GetProperty("side").GetString() == "oppose");
        Assert.False(string.IsNullOrEmpty(matrix.GetProperty("methodology").GetString()));
    }

    [Fact]
    public async Task Statements_use_the_page_filter_and_page()
    {
        var page = await GetJsonAsync("/api/statements?actor=olaf-scholz&pageSize=1");
        var row = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("olaf-scholz", row.GetProperty("actor").GetString());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.InRange(row.GetProperty("credibility").GetInt32(), 1, 6);

        var one = await GetAsync($"/api/statements/{row.GetProperty("id").GetString()}");
        Assert.Matches("^\"\\d+\"$", one.Headers.ETag!.Tag);
        var unknownActor = await GetAsync("/api/statements?actor=nobody");
        Assert.Equal(HttpStatusCode.BadRequest, unknownActor.StatusCode);
    }

    [Fact]
    public async Task Documents_list_and_read_with_annotations()
    {
        var list = await GetJsonAsync("/api/documents");
        var item = list.GetProperty("items")[0];
        Assert.Equal(["id", "title", "outlet", "publishedOn", "sha256"], item.EnumerateObject().Select(p => p.Name));
        var id = item.GetProperty("id").GetString();

        var response = await GetAsync($"/api/documents/{id}");
        Assert.NotNull(response.Headers.ETag);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var text = document.GetProperty("text").GetString()!;
        var annotation = document.GetProperty("annotations")[0];
        var (start, end) = (annotation.GetProperty("start").GetInt32(), annotation.GetProperty("end").GetInt32());
        Assert.Equal(text[start..end], annotation.GetProperty("exact").GetString());
    }

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
    public async Task Changes_are_one_paged_list_with_types()
    {
        var changes = await GetJsonAsync("/api/changes?since=2024-01-01&pageSize=5");
        Assert.True(changes.GetProperty("total").GetInt32() > 5);
        Assert.Equal(5, changes.GetProperty("items").GetArrayLength());
        Assert.All(changes.GetProperty("items").EnumerateArray(), c => Assert.Contains(c.GetProperty("type").GetString(), new[] { "document", "statement", "shift" }));
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
    }
}
