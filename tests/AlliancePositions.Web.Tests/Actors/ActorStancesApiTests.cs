using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Web.Tests.Api;

namespace AlliancePositions.Web.Tests.Actors;

/// <summary>An actor's stances with their plain-language sentences, and the actors most like them, over HTTP.</summary>
public class ActorStancesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_question_has_a_stance_and_a_sentence_on_its_history_as_of_the_date()
    {
        var stances = (await ApiCalls.GetJsonAsync(app, "/api/actors/emmanuel-macron/stances?asOf=2024-04-30&knownAt=2024-04-30")).EnumerateArray().ToList();
        var questions = (await ApiCalls.GetJsonAsync(app, "/api/questions")).EnumerateArray().ToList();

        Assert.Equal(questions.Count, stances.Count);
        var troops = stances.Single(s => s.GetProperty("question").GetString() == "troop-deployment");
        Assert.Equal(("leans-support", 2, "consistent"), (troops.GetProperty("band").GetString(), troops.GetProperty("evidenceCount").GetInt32(),
            troops.GetProperty("pattern").GetString()));
        Assert.StartsWith("Emmanuel Macron has consistently supported (leaning towards “", troops.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("since Feb 2024, on 2 statements.", troops.GetProperty("sentence").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_anything_was_said_every_sentence_says_nothing_was_said()
    {
        var stances = (await ApiCalls.GetJsonAsync(app, "/api/actors/olaf-scholz/stances?asOf=2023-06-01&knownAt=2023-06-01")).EnumerateArray().ToList();

        Assert.NotEmpty(stances);
        Assert.All(stances, s => Assert.Equal(("silent", "Olaf Scholz has said nothing on this."),
            (s.GetProperty("pattern").GetString(), s.GetProperty("sentence").GetString())));
    }

    [Fact]
    public async Task Similar_actors_carry_their_score_and_questions_in_common_best_first()
    {
        var similar = (await ApiCalls.GetJsonAsync(app, "/api/actors/olaf-scholz/similar?asOf=2024-04-30&knownAt=2024-04-30")).EnumerateArray().ToList();

        Assert.NotEmpty(similar);
        Assert.DoesNotContain(similar, s => s.GetProperty("actor").GetString() == "olaf-scholz");
        var scores = similar.Select(s => s.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(similar, s => Assert.True(s.GetProperty("sharedQuestions").GetInt32() >= 1));
        Assert.All(similar, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task With_no_record_yet_nobody_is_similar()
    {
        var similar = await ApiCalls.GetJsonAsync(app, "/api/actors/olaf-scholz/similar?asOf=2023-06-01&knownAt=2023-06-01");

        Assert.Equal(0, similar.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/actors/nobody/stances")]
    [InlineData("/api/actors/nobody/similar")]
    public async Task An_unknown_actor_is_a_404_problem(string path)
    {
        var response = await ApiCalls.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/actors/olaf-scholz/stances?asOf=soon")]
    [InlineData("/api/actors/olaf-scholz/similar?asOf=soon")]
    public async Task An_unreadable_date_is_a_400_naming_it(string path)
    {
        var response = await ApiCalls.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf/knownAt", out _), problem.ToString());
    }
}
