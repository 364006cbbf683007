using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Questions;

/// <summary>
/// A question's stances and agreement over HTTP, in the shapes and wire strings the API promises.
/// </summary>
public class QuestionsApiContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<JsonElement> GetJsonAsync(string path) => ApiCalls.GetJsonAsync(app, path);

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
}
