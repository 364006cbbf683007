using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// Every write endpoint the app has, against every role: anonymous gets 401, a role below the endpoint's gets 403, and
/// a role at or above it gets past authorization. Bodies are deliberately unusable (unknown keys, no If-Match), so an
/// authorised call ends in 400/404/428 and nothing is written.
/// </summary>
public class RoleMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Roles = ["Viewer", "Analyst", "Admin"];

    private static readonly (string Method, string Path, string Body, string Needs)[] Writes =
    [
        ("POST", "/api/actors", "{}", "Analyst"),
        ("PUT", "/api/actors/nothing", "{}", "Analyst"),
        ("DELETE", "/api/actors/nothing", "", "Analyst"),
        ("POST", "/api/actors/nothing/restore", "", "Admin"),
        ("POST", "/api/documents", "{}", "Analyst"),
        ("PUT", "/api/documents/nothing", "{}", "Analyst"),
        ("DELETE", "/api/documents/nothing", "", "Analyst"),
        ("POST", "/api/documents/nothing/restore", "", "Admin"),
        ("POST", "/api/documents/nothing/annotations", "{}", "Analyst"),
        ("PUT", "/api/documents/nothing/annotations/nothing", "{}", "Analyst"),
        ("DELETE", "/api/documents/nothing/annotations/nothing", "", "Analyst"),
        ("POST", "/api/documents/nothing/annotations/nothing/restore", "", "Admin"),
        ("POST", "/api/meetings", "{}", "Analyst"),
        ("PUT", "/api/meetings/nothing", "{}", "Analyst"),
        ("DELETE", "/api/meetings/nothing", "", "Analyst"),
        ("POST", "/api/meetings/nothing/restore", "", "Admin"),
        ("POST", "/api/statements", "{}", "Analyst"),
        ("POST", "/api/statements/nothing/codings", "{}", "Analyst"),
        ("PUT", "/api/statements/nothing", "{}", "Analyst"),
        ("DELETE", "/api/statements/nothing", "", "Analyst"),
        ("POST", "/api/statements/nothing/restore", "", "Admin"),
        ("DELETE", "/api/statements/nothing/codings/nothing/nothing", "", "Analyst"),
        ("POST", "/api/statements/nothing/codings/nothing/nothing/restore", "", "Admin"),
        ("POST", "/api/topics", "{}", "Analyst"),
        ("PUT", "/api/topics/nothing", "{}", "Analyst"),
        ("POST", "/api/questions", "{}", "Analyst"),
        ("PUT", "/api/questions/nothing", "{}", "Analyst"),
        ("POST", "/api/documents/nothing/suggestions", "", "Analyst"),
        ("POST", "/api/documents/nothing/suggestions/nothing/accept", "{}", "Analyst"),
        ("POST", "/api/documents/nothing/suggestions/nothing/reject", "", "Analyst"),
        ("POST", "/api/import", "{ not a corpus", "Analyst"),
        ("POST", "/api/users", "{}", "Admin"),
        ("PUT", "/api/users/nothing", "{}", "Admin"),
        ("POST", "/api/auth/password", "{}", "Viewer"),
        ("POST", "/api/documents/fetch", "{}", "Analyst"),
        ("POST", "/api/documents/upload", "", "Analyst"),
        ("POST", "/api/annotations/nothing/place", "{}", "Analyst"),
        ("POST", "/api/annotations/nothing/dismiss", "", "Analyst"),
        ("POST", "/api/feeds", "{}", "Analyst"),
        ("DELETE", "/api/feeds/0", "", "Analyst"),
        ("POST", "/api/feeds/0/poll", "", "Analyst"),
        ("POST", "/api/inbox/0/read", "", "Analyst"),
        ("POST", "/api/inbox/0/dismiss", "", "Analyst"),
    ];

    public static TheoryData<string, string, string, string, string?> Cases()
    {
        var data = new TheoryData<string, string, string, string, string?>();
        foreach (var (method, path, body, needs) in Writes)
        {
            data.Add(method, path, body, needs, null);
            foreach (var role in Roles) data.Add(method, path, body, needs, role);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_write_needs_its_role(string method, string path, string body, string needs, string? role)
    {
        using var client = await app.CreateClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var allowed = role is not null && Array.IndexOf(Roles, role) >= Array.IndexOf(Roles, needs);
        if (role is null) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        else if (!allowed) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        else Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.PreconditionRequired });
    }

    [Fact]
    public void The_table_covers_every_write_endpoint_the_app_maps()
    {
        var mapped = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true && e.RoutePattern.RawText is not ("/api/auth/login" or "/api/auth/refresh"))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET" && m != "HEAD")
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order(StringComparer.Ordinal).ToList();
        var covered = Writes.Select(w => $"{w.Method} {Pattern(w.Path)}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mapped, covered);
    }

    private static string Pattern(string path) => path.Replace("/actors/nothing", "/actors/{slug}", StringComparison.Ordinal)
        .Replace("/documents/nothing", "/documents/{id}", StringComparison.Ordinal).Replace("/annotations/nothing", "/annotations/{annotationId}", StringComparison.Ordinal)
        .Replace("/meetings/nothing", "/meetings/{key}", StringComparison.Ordinal).Replace("/statements/nothing", "/statements/{id}", StringComparison.Ordinal)
        .Replace("/users/nothing", "/users/{id}", StringComparison.Ordinal).Replace("/codings/nothing/nothing", "/codings/{question}/{coder}", StringComparison.Ordinal)
        .Replace("/topics/nothing", "/topics/{key}", StringComparison.Ordinal).Replace("/questions/nothing", "/questions/{slug}", StringComparison.Ordinal)
        .Replace("/feeds/0", "/feeds/{id:int}", StringComparison.Ordinal).Replace("/inbox/0", "/inbox/{id:int}", StringComparison.Ordinal)
        .Replace("/suggestions/nothing", "/suggestions/{sid}", StringComparison.Ordinal);
}
