using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// An account with a generated password (the first Admin) can do nothing but change it, over the API and on the pages;
/// these accounts are made in the same state as the first Admin, whose generated password only the console sees.
/// </summary>
public class GeneratedPasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Chosen = "Chosen-Horse-88-stapler";

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    [Fact]
    public async Task Over_the_api_it_can_only_change_the_password_and_then_everything()
    {
        using var admin = await ApiAccount.CreateAsync(app, "Admin", mustChangePassword: true);

        var users = await admin.Client.GetAsync("/api/users", Ct);
        var read = await admin.Client.GetAsync("/api/questions", Ct);
        var write = await admin.Client.PostAsJsonAsync("/api/users", new { email = $"x-{Guid.NewGuid():N}@test.invalid", password = Chosen, role = "Admin" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        var problem = await users.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Password change required", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        var changed = await admin.Client.PostAsJsonAsync("/api/auth/password", new { currentPassword = AppFactory.TestPassword, newPassword = Chosen }, Ct);
        using var renewed = ApiAccount.WithToken(app, (await ApiAccount.TokensAsync(changed)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/users", Ct)).StatusCode);
    }

    [Fact]
    public async Task On_the_pages_every_address_leads_to_the_password_form_until_it_is_changed()
    {
        var (_, email) = await ApiAccount.CreateUserAsync(app, "Admin", mustChangePassword: true);
        var (browser, signIn) = await app.SignInBrowserAsync(email, Ct);
        Assert.Equal("/account/password", PathOf(signIn.Headers.Location!));

        var users = await browser.GetAsync("/admin/users", Ct);
        var home = await browser.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal("/account/password", PathOf(users.Headers.Location!));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);

        var form = await browser.GetStringAsync("/account/password", Ct);
        var changed = await browser.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password", ["__RequestVerificationToken"] = CookieSignIn.FormToken(form), ["Input.Current"] = AppFactory.TestPassword, ["Input.New"] = Chosen,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users", Ct)).StatusCode);
        browser.Dispose();
    }
}
