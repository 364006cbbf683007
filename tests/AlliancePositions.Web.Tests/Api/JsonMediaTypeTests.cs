using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AlliancePositions.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>Every endpoint that reads a JSON body refuses any other body, or none, with 415 problem details, and writes nothing.</summary>
public class JsonMediaTypeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Bodies() => new()
    {
        { "POST", "/api/actors" },
        { "POST", "/api/documents" },
        { "POST", "/api/statements" },
        { "POST", "/api/meetings" },
        { "POST", "/api/import" },
        { "POST", "/api/users" },
        { "POST", "/api/auth/password" },
        { "POST", "/api/auth/login" },
        { "PUT", "/api/actors/nobody" },
        { "PUT", "/api/users/nobody" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_is_not_json_is_refused_with_415(string method, string path)
    {
        using var admin = await ApiAccount.CreateAsync(app, "Admin");
        var name = $"Plain {Guid.NewGuid():N}"[..20];
        var json = $$"""{"name":"{{name}}","kind":"person","country":"EE","formatVersion":1,"coders":[{"key":"plain-coder","displayName":"Plain"}]}""";

        var plain = await admin.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "text/plain") }, Ct);
        var untyped = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        var none = await admin.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = untyped }, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(415, (await plain.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, none.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Actors.IgnoreQueryFilters().AnyAsync(a => a.Name == name, Ct));
        Assert.False(await db.Coders.AnyAsync(c => c.Key == "plain-coder", Ct));
    }
}
