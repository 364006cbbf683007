using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Suggestions;

/// <summary>The suggestions API: computed when a document is added, listed, accepted (with overrides), rejected, recomputed.</summary>
public class SuggestionsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>
    /// A Friday wire story (31 May 2024) with a unique tail, so each test has its own document. A test that makes an actor
    /// of the unnamed diplomat names another nationality: the tests share one database, and the others expect no actor.
    /// </summary>
    private static async Task<string> NewStoryAsync(HttpClient client, string? extra = null, string diplomat = "Polish")
    {
        var text = "Olaf Scholz said on Tuesday that Germany would not send ground troops to Ukraine under any circumstances. "
            + $"A senior {diplomat} diplomat warned that such a refusal would embolden Russia to escalate the war. "
            + (extra ?? "") + $"Ref {Guid.NewGuid():N}.";
        var created = await client.PostAsJsonAsync("/api/documents", new { title = "Wire story", text, publishedOn = "2024-05-31" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonAsync(created)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string document) =>
        (await JsonAsync(await client.GetAsync($"/api/documents/{document}/suggestions", Ct))).EnumerateArray().ToArray();

    private static JsonElement By(JsonElement[] suggestions, string actorSlug) =>
        suggestions.Single(s => s.GetProperty("actor").ValueKind == JsonValueKind.Object && s.GetProperty("actor").GetProperty("slug").GetString() == actorSlug);

    [Fact]
    public async Task Adding_a_document_proposes_who_said_what_and_when()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var document = await NewStoryAsync(client);

        var suggestions = await ListAsync(client, document);

        var scholz = By(suggestions, "olaf-scholz");
        Assert.Equal("Germany would not send ground troops to Ukraine under any circumstances", scholz.GetProperty("exact").GetString());
        Assert.Equal(("2024-05-28", "day", "on Tuesday"), (scholz.GetProperty("date").GetString(), scholz.GetProperty("datePrecision").GetString(),
            scholz.GetProperty("dateEvidence").GetString()));
        Assert.Equal("reported", scholz.GetProperty("kind").GetString());
        Assert.Equal("troop-deployment", scholz.GetProperty("questions")[0].GetProperty("slug").GetString());
        Assert.InRange(scholz.GetProperty("confidence").GetDouble(), 0.5, 1);
        var diplomat = suggestions.Single(s => s.GetProperty("actor").ValueKind == JsonValueKind.Null);
        Assert.Equal("A senior Polish diplomat", diplomat.GetProperty("speakerMention").GetProperty("exact").GetString());
    }

    [Fact]
    public async Task Accepting_creates_the_statement_records_who_accepted_and_a_second_decision_is_a_409()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var document = await NewStoryAsync(client);
        var scholz = By(await ListAsync(client, document), "olaf-scholz");
        var id = scholz.GetProperty("id").GetString();

        var accepted = await client.PostAsync($"/api/documents/{document}/suggestions/{id}/accept", null, Ct);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var statement = await JsonAsync(accepted);
        var key = statement.GetProperty("id").GetString();
        Assert.Equal($"/api/statements/{key}", accepted.Headers.Location?.OriginalString);
        Assert.Equal("2024-05-28", statement.GetProperty("date").GetString());
        Assert.DoesNotContain(await ListAsync(client, document), s => s.GetProperty("id").GetString() == id);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(e => e.RecordType == "Suggestion" && e.RecordKey == id).SingleAsync(Ct);
        Assert.Equal("update", audit.Action);
        Assert.Contains($"\"StatementKey\":\"{key}\"", audit.NewValues, StringComparison.Ordinal);
        Assert.NotNull((await db.Suggestions.SingleAsync(s => s.Key == id, Ct)).DecidedBy);

        var again = await client.PostAsync($"/api/documents/{document}/suggestions/{id}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("accepted", (await JsonAsync(again)).GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/documents/{document}/suggestions/{id}/reject", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Accepting_with_overrides_stores_the_confirmed_codings_and_an_actor_made_from_the_mention()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var document = await NewStoryAsync(client, diplomat: "Italian");
        var diplomat = (await ListAsync(client, document)).Single(s => s.GetProperty("actor").ValueKind == JsonValueKind.Null);

        var accepted = await client.PostAsJsonAsync($"/api/documents/{document}/suggestions/{diplomat.GetProperty("id").GetString()}/accept", new
        {
            createActor = true, date = "2024-05-01", datePrecision = "month", summary = "Warns a refusal would embolden Russia",
            codings = new[] { new { question = "tougher-stance", position = 2 } },
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var statement = await JsonAsync(accepted);
        Assert.Equal(("2024-05-01", "month"), (statement.GetProperty("date").GetString(), statement.GetProperty("datePrecision").GetString()));
        await using var db = app.CreateDbContext();
        var stored = await db.Statements.Include(s => s.Actor).Include(s => s.Codings).Include(s => s.Topics)
            .SingleAsync(s => s.Key == statement.GetProperty("id").GetString(), Ct);
        Assert.Equal("A senior Italian diplomat", stored.Actor.Name);
        Assert.Equal(2, Assert.Single(stored.Codings).Position);
        Assert.Equal("escalation", Assert.Single(stored.Topics).Slug);
    }

    [Fact]
    public async Task A_bad_override_is_a_400_naming_the_field_and_stores_nothing()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var document = await NewStoryAsync(client);
        var id = By(await ListAsync(client, document), "olaf-scholz").GetProperty("id").GetString();

        var badPrecision = await client.PostAsJsonAsync($"/api/documents/{document}/suggestions/{id}/accept", new { datePrecision = "week" }, Ct);
        var badActor = await client.PostAsJsonAsync($"/api/documents/{document}/suggestions/{id}/accept", new { actor = "nobody-at-all" }, Ct);
        var badCoding = await client.PostAsJsonAsync($"/api/documents/{document}/suggestions/{id}/accept",
            new { codings = new[] { new { question = "troop-deployment", position = 5 } } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badPrecision.StatusCode);
        Assert.True((await JsonAsync(badPrecision)).GetProperty("errors").TryGetProperty("datePrecision", out _));
        Assert.True((await JsonAsync(badActor)).GetProperty("errors").TryGetProperty("actor", out _));
        Assert.True((await JsonAsync(badCoding)).GetProperty("errors").TryGetProperty("codings[0].position", out _));
        Assert.Equal("application/problem+json", badActor.Content.Headers.ContentType?.MediaType);
        Assert.Contains(await ListAsync(client, document), s => s.GetProperty("id").GetString() == id);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Annotations.AnyAsync(a => a.Document.Key == document, Ct));
    }

    [Fact]
    public async Task A_rejected_suggestion_is_not_proposed_again_and_recomputing_keeps_the_others()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var document = await NewStoryAsync(client);
        var before = await ListAsync(client, document);
        var rejected = By(before, "olaf-scholz").GetProperty("id").GetString();

        var reject = await client.PostAsync($"/api/documents/{document}/suggestions/{rejected}/reject", null, Ct);
        var recomputed = await client.PostAsync($"/api/documents/{document}/suggestions", null, Ct);
        var twice = await client.PostAsync($"/api/documents/{document}/suggestions", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, reject.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recomputed.StatusCode);
        var after = (await JsonAsync(twice)).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(before.Select(s => s.GetProperty("id").GetString()).Where(s => s != rejected), after);
    }

    [Fact]
    public async Task Recomputing_never_proposes_a_passage_already_coded_for_the_same_actor()
    {
        using var client = await app.CreateClientAsync("Analyst");
        var document = await NewStoryAsync(client);
        var scholz = By(await ListAsync(client, document), "olaf-scholz");
        await client.PostAsync($"/api/documents/{document}/suggestions/{scholz.GetProperty("id").GetString()}/accept", null, Ct);
        await using (var db = app.CreateDbContext())
            await db.Suggestions.Where(s => s.Document.Key == document).ExecuteDeleteAsync(Ct);

        var recomputed = (await JsonAsync(await client.PostAsync($"/api/documents/{document}/suggestions", null, Ct))).EnumerateArray().ToArray();

        Assert.DoesNotContain(recomputed, s => s.GetProperty("actor").ValueKind == JsonValueKind.Object && s.GetProperty("actor").GetProperty("slug").GetString() == "olaf-scholz");
        Assert.NotEmpty(recomputed);
    }

    [Fact]
    public async Task Unknown_documents_and_suggestions_are_404_problems_and_viewers_cannot_decide()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        using var viewer = await app.CreateClientAsync("Viewer");
        var document = await NewStoryAsync(analyst);
        var id = (await ListAsync(analyst, document))[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/documents/nothing/suggestions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync("/api/documents/nothing/suggestions", null, Ct)).StatusCode);
        var unknown = await analyst.PostAsync($"/api/documents/{document}/suggestions/nothing/accept", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync($"/api/documents/{document}/suggestions/nothing/reject", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/documents/{document}/suggestions/{id}/reject", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/documents/{document}/suggestions", Ct)).StatusCode);
    }
}
