using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>The annotations on request records are enforced before a handler runs, as field errors.</summary>
public class RequestValidationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_sign_in_without_an_email_address_or_password_is_a_400_naming_both_fields()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "not-an-email", password = "" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.Contains("email", fields);
        Assert.Contains("password", fields);
    }
}
