using System.Net;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>A page form posted without its antiforgery token is a bad request, answered with a page, never a 500.</summary>
public class FormTokenTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_out_without_the_form_token_gives_a_400_page_not_a_500()
    {
        using var browser = await app.CreateBrowserClientAsync("Viewer", Ct);

        var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not be accepted", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_form_posted_without_its_token_gives_a_400_page_not_a_500()
    {
        using var browser = await app.CreateBrowserClientAsync(null, Ct);

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = "someone@test.invalid", ["Input.Password"] = "whatever",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not be accepted", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
