using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Tests;
using Npgsql;

namespace AlliancePositions.Web.Tests.Hosting;

/// <summary>
/// Two app nodes, two real processes, started at the same moment over one new PostgreSQL database (docs/scale-out.md).
/// PostgreSQL by nature: CI runs it in the PostgreSQL pass, and <c>dotnet test</c> without a server skips it.
/// </summary>
[Trait("Database", TestDatabaseServer.PostgresOnly)]
public class TwoNodesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // After the seed's report is published, so the stances rest on its statements.
    private const string Stances = "/api/questions/troop-deployment/stances?asOf=2024-05-01&knownAt=2024-05-01";

    [Fact]
    public async Task Two_nodes_share_one_database_sign_ins_and_stances_and_either_serves_alone()
    {
        TestDatabaseServer.RequirePostgres();
        // Empty, not even migrated: both nodes migrate and seed at start, at once.
        var postgres = await TestDatabaseServer.CreateEmptyPostgresDatabaseAsync(Ct);
        var seeds = Path.Combine(SeededComponentTest.RepositoryRoot(), "seeds");
        await using var first = AppNode.Start(postgres, seeds);
        await using var second = AppNode.Start(postgres, seeds);
        try
        {
            await Task.WhenAll(first.WaitUntilServingAsync(Ct), second.WaitUntilServingAsync(Ct));

            // The seed loaded once (a second load would have doubled nothing: its keys would clash and stop that node).
            using var corpus = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(seeds, "corpus.json"), Ct));
            Assert.Equal(corpus.RootElement.GetProperty("statements").GetArrayLength(), await CountAsync(postgres, "Statements"));
            Assert.Equal(1, await CountAsync(postgres, "AspNetUsers"));

            // The antiforgery token of one node's form is accepted by the other, whose sign-in cookie the first accepts.
            using var browser = Browser(first);
            var form = await browser.GetStringAsync("/account/login", Ct);
            var signIn = await browser.PostAsync($"{second.BaseUrl}/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = Accounts.CookieSignIn.FormToken(form),
                ["Input.Email"] = AppNode.AdminEmail, ["Input.Password"] = AppNode.AdminPassword,
            }), Ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.NotEqual("/account/login", signIn.Headers.Location?.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/documents/new", Ct)).StatusCode);

            // A bearer token made by one node writes on the other; the first node's stances change within a second.
            using var api = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
            var login = await new HttpClient { BaseAddress = new Uri(first.BaseUrl) }
                .PostAsJsonAsync("/api/auth/login", new { email = AppNode.AdminEmail, password = AppNode.AdminPassword }, Ct);
            login.EnsureSuccessStatusCode();
            api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString());
            using var reader = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
            var before = await reader.GetStringAsync(Stances, Ct);
            Assert.Equal(before, await reader.GetStringAsync(Stances, Ct));
            // Scholz's warning is evidence on the question: deleting it moves the stances.
            var deleted = await api.DeleteAsync("/api/statements/scholz-warns", Ct);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            var changedWithin = await TimeUntilChangedAsync(reader, before, TimeSpan.FromSeconds(1));
            Assert.True(changedWithin is not null, "The first node still served the stances from before the second node's write after a second.");

            // One node gone, the other still serves reads and writes.
            await first.KillAsync();
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/healthz", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Stances, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/statements/scholz-warns/restore", null, Ct)).StatusCode);
        }
        finally
        {
            await first.KillAsync();
            await second.KillAsync();
            await TestDatabaseServer.DropPostgresDatabaseAsync(postgres);
        }
    }

    private static HttpClient Browser(AppNode node) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(node.BaseUrl) };

    private static async Task<TimeSpan?> TimeUntilChangedAsync(HttpClient reader, string before, TimeSpan limit)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < limit)
        {
            if (await reader.GetStringAsync(Stances, Ct) != before) return started.Elapsed;
            await Task.Delay(50, Ct);
        }
        return null;
    }

    private static async Task<long> CountAsync(string postgres, string table)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
