using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Web.Tests.Api;
using static AlliancePositions.Web.Tests.Api.ApiCalls;

namespace AlliancePositions.Web.Tests.Changes;

/// <summary>
/// The changes API over HTTP: one paged list of what changed, each with its type.
/// </summary>
public class ChangesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<JsonElement> GetJsonAsync(string path) => ApiCalls.GetJsonAsync(app, path);

    [Fact]
    public async Task Changes_are_one_paged_list_with_types()
    {
        var changes = await GetJsonAsync("/api/changes?since=2024-01-01&pageSize=5");
        Assert.True(changes.GetProperty("total").GetInt32() > 5);
        Assert.Equal(5, changes.GetProperty("items").GetArrayLength());
        Assert.All(changes.GetProperty("items").EnumerateArray(), c => Assert.Contains(c.GetProperty("type").GetString(), new[] { "document", "statement", "shift" }));
    }
}
