using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>The real app on Kestrel at a loopback port, with a bootstrap Admin; the test talks to it only over HTTP.</summary>
public sealed class LoopbackApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.invalid";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "alliancepositions-loopback", Guid.NewGuid().ToString("N"));

    public LoopbackApp()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Directory", dataDirectory);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AppFactory.TestPassword);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { /* the OS temp cleaner takes what is still held */ }
    }
}

public class ApiJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task An_analyst_adds_evidence_and_statements_over_HTTP_and_the_agreement_matrix_reflects_them()
    {
        await using var app = new LoopbackApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        // The bootstrap Admin signs in and creates an Analyst, who signs in with a bearer token.
        var adminLogin = await http.PostAsJsonAsync("/api/auth/login", new { email = LoopbackApp.AdminEmail, password = AppFactory.TestPassword }, Ct);
        adminLogin.EnsureSuccessStatusCode();
        var adminToken = (await adminLogin.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        using (var asAdmin = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(new { email = "analyst@test.invalid", password = AppFactory.TestPassword, role = "Analyst" }) })
        {
            asAdmin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(asAdmin, Ct)).StatusCode);
        }
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "analyst@test.invalid", password = AppFactory.TestPassword }, Ct);
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString());

        // A new document, annotated twice.
        const string text = "Prime Minister Ada Testa said Europe must send troops to Ukraine. Chancellor Scholz again ruled out sending any.";
        var document = await PostAsync(http, "/api/documents", new { title = "Leaders split on troops", text, publishedOn = "2024-03-10" });
        var documentId = document.GetProperty("id").GetString();
        var mustSend = "Europe must send troops to Ukraine";
        var ruledOut = "again ruled out sending any";
        var first = await PostAsync(http, $"/api/documents/{documentId}/annotations", new { start = text.IndexOf(mustSend, StringComparison.Ordinal), end = text.IndexOf(mustSend, StringComparison.Ordinal) + mustSend.Length, exact = mustSend });
        var second = await PostAsync(http, $"/api/documents/{documentId}/annotations", new { start = text.IndexOf(ruledOut, StringComparison.Ordinal), end = text.IndexOf(ruledOut, StringComparison.Ordinal) + ruledOut.Length, exact = ruledOut });

        // A new actor and an existing one each get a statement, coded on the question.
        var actor = (await PostAsync(http, "/api/actors", new { name = "Ada Testa", kind = "person", country = "IT" })).GetProperty("slug").GetString()!;
        var statements = new List<string>();
        foreach (var (who, annotation, summary) in new[] { (actor, first, "Testa calls for troops"), ("olaf-scholz", second, "Scholz rules troops out again") })
        {
            var statement = await PostAsync(http, "/api/statements", new
            {
                actor = who, kind = "quote", date = "2024-03-10", datePrecision = "day", summary, topics = Array.Empty<string>(),
                annotationIds = new[] { annotation.GetProperty("id").GetString() }, credibility = 2,
            });
            statements.Add(statement.GetProperty("id").GetString()!);
        }
        await PostAsync(http, $"/api/statements/{statements[0]}/codings", new { question = "troop-deployment", position = 2 });
        await PostAsync(http, $"/api/statements/{statements[1]}/codings", new { question = "troop-deployment", position = -2 });

        // The matrix as of a week later names the new actor, on the support side, disagreeing with Scholz.
        var matrix = await http.GetFromJsonAsync<JsonElement>(
            $"/api/questions/troop-deployment/agreement?asOf=2024-03-17&knownAt=2024-03-17&actors={actor},olaf-scholz", Ct);
        Assert.Equal([actor, "olaf-scholz"], matrix.GetProperty("actors").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
        var cell = Assert.Single(matrix.GetProperty("cells").EnumerateArray());
        Assert.Equal("disagree", cell.GetProperty("relation").GetString());
        var support = matrix.GetProperty("coalitions").EnumerateArray().Single(c => c.GetProperty("side").GetString() == "support");
        Assert.Equal([actor], support.GetProperty("actors").EnumerateArray().Select(a => a.GetString()));

        var stances = await http.GetFromJsonAsync<JsonElement>("/api/questions/troop-deployment/stances?asOf=2024-03-17&knownAt=2024-03-17", Ct);
        var scholz = stances.EnumerateArray().Single(s => s.GetProperty("actor").GetString() == "olaf-scholz");
        Assert.Contains(scholz.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("statement").GetString() == statements[1]);
    }
}
