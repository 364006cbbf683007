using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Actors;

/// <summary>What a spreadsheet would run as a formula never reaches a cell of the timeline CSV, nor a raw request value its header.</summary>
public class TimelineCsvSafetyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Formula_like_names_and_titles_are_neutralised_in_every_cell()
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var created = await analyst.PostAsJsonAsync("/api/actors", new { name = $"=HYPERLINK(\"http://x.invalid\")\n{Guid.NewGuid():N}", kind = "person" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var slug = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("slug").GetString();
        foreach (var title in new[] { "-2+3", "=1+1", "\t=1+1", "@SUM(A1)", "+1-1" })
        {
            var meeting = await analyst.PostAsJsonAsync("/api/meetings",
                new { kind = "call", date = "2024-02-26", datePrecision = "day", participants = new[] { slug, "olaf-scholz" }, title }, Ct);
            Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        }

        var csv = await analyst.GetStringAsync($"/api/actors/{slug}/timeline.csv", Ct);

        var rows = Parse(csv);
        Assert.Equal(5, rows.Count(r => r[0] == "meeting"));
        Assert.All(rows.SelectMany(r => r), cell =>
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _),
                $"The cell \"{cell}\" would run as a formula."));
        Assert.All(rows.Where(r => r[0].StartsWith('#')), r => Assert.Single(r));
    }

    [Fact]
    public async Task A_topic_that_is_not_a_key_is_refused_not_echoed_into_the_header()
    {
        using var client = await app.CreateClientAsync("Viewer");

        var response = await client.GetAsync("/api/actors/emmanuel-macron/timeline.csv?topic=x%0D%0A%3D1%2B1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("topic", out _));
    }

    /// <summary>RFC 4180, strictly: every cell must be quoted, as the writer promises.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var i = 0;
        while (i < csv.Length)
        {
            var row = new List<string>();
            while (true)
            {
                Assert.Equal('"', csv[i]);
                var cell = new StringBuilder();
                for (i++; !(csv[i] == '"' && (i + 1 == csv.Length || csv[i + 1] != '"')); i++)
                {
                    cell.Append(csv[i]);
                    if (csv[i] == '"') i++;
                }
                i++;
                row.Add(cell.ToString());
                if (csv[i] == ',') { i++; continue; }
                Assert.Equal("\r\n", csv.Substring(i, 2));
                i += 2;
                break;
            }
            rows.Add(row);
        }
        return rows;
    }
}
