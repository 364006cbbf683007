using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// A cookie or token counts only while the account is as it was when it was issued: a password change, a change of
/// role, disabling or deleting the account revokes it at the next request. Refresh tokens follow the same rule.
/// </summary>
public class TokenRevocationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An Analyst's write with an empty body: 400 when the caller is let in, 401 when their sign-in no longer counts.</summary>
    private static async Task<HttpStatusCode> WriteAsync(HttpClient client) => (await client.PostAsJsonAsync("/api/actors", new { }, Ct)).StatusCode;

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string email, string password) =>
        (await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct)).StatusCode;

    [Fact]
    public async Task A_password_change_revokes_the_old_token_and_answers_with_new_ones()
    {
        using var analyst = await ApiAccount.CreateAsync(app, "Analyst");
        Assert.Equal(HttpStatusCode.BadRequest, await WriteAsync(analyst.Client));

        var changed = await analyst.Client.PostAsJsonAsync("/api/auth/password", new { currentPassword = AppFactory.TestPassword, newPassword = "Another-Horse-77-staple" }, Ct);

        var (accessToken, _) = await ApiAccount.TokensAsync(changed);
        Assert.Equal(HttpStatusCode.Unauthorized, await WriteAsync(analyst.Client));
        using var renewed = ApiAccount.WithToken(app, accessToken);
        Assert.Equal(HttpStatusCode.BadRequest, await WriteAsync(renewed));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(renewed, analyst.Email, AppFactory.TestPassword));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(renewed, analyst.Email, "Another-Horse-77-staple"));
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_a_new_valid_one()
    {
        using var viewer = await ApiAccount.CreateAsync(app, "Viewer");

        var wrongCurrent = await viewer.Client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-it-at-all", newPassword = "Another-Horse-77-staple" }, Ct);
        var tooShort = await viewer.Client.PostAsJsonAsync("/api/auth/password", new { currentPassword = AppFactory.TestPassword, newPassword = "short" }, Ct);
        var same = await viewer.Client.PostAsJsonAsync("/api/auth/password", new { currentPassword = AppFactory.TestPassword, newPassword = AppFactory.TestPassword }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.True((await wrongCurrent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await tooShort.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(app.CreateClient(), viewer.Email, AppFactory.TestPassword));
    }

    [Fact]
    public async Task Demoting_or_disabling_a_user_refuses_their_token_at_the_next_request()
    {
        using var admin = await ApiAccount.CreateAsync(app, "Admin");
        using var demoted = await ApiAccount.CreateAsync(app, "Analyst");
        using var disabled = await ApiAccount.CreateAsync(app, "Analyst");
        Assert.Equal(HttpStatusCode.BadRequest, await WriteAsync(demoted.Client));
        Assert.Equal(HttpStatusCode.BadRequest, await WriteAsync(disabled.Client));

        var demotion = await admin.Client.PutAsJsonAsync($"/api/users/{demoted.Id}", new { role = "Viewer", disabled = false }, Ct);
        var disabling = await admin.Client.PutAsJsonAsync($"/api/users/{disabled.Id}", new { role = "Analyst", disabled = true }, Ct);

        Assert.Equal(HttpStatusCode.OK, demotion.StatusCode);
        Assert.Equal("Viewer", (await demotion.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("role").GetString());
        Assert.True((await disabling.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await WriteAsync(demoted.Client));
        Assert.Equal(HttpStatusCode.Unauthorized, await WriteAsync(disabled.Client));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(app.CreateClient(), disabled.Email, AppFactory.TestPassword));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(app.CreateClient(), demoted.Email, AppFactory.TestPassword));
    }

    [Fact]
    public async Task A_deleted_user_s_token_is_refused()
    {
        using var analyst = await ApiAccount.CreateAsync(app, "Analyst");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.DeleteAsync((await users.FindByIdAsync(analyst.Id))!);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await WriteAsync(analyst.Client));
    }

    [Fact]
    public async Task A_browser_cookie_is_refused_at_the_next_request_after_a_demotion()
    {
        using var admin = await ApiAccount.CreateAsync(app, "Admin");
        var (id, email) = await ApiAccount.CreateUserAsync(app, "Analyst");
        var (browser, _) = await app.SignInBrowserAsync(email, Ct);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/documents/new", Ct)).StatusCode);

        (await admin.Client.PutAsJsonAsync($"/api/users/{id}", new { role = "Viewer", disabled = false }, Ct)).EnsureSuccessStatusCode();
        var after = await browser.GetAsync("/documents/new", Ct);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location!.AbsolutePath);
        browser.Dispose();
    }

    [Fact]
    public async Task A_refresh_token_gives_new_tokens_until_the_account_changes()
    {
        using var analyst = await ApiAccount.CreateAsync(app, "Analyst");

        var refreshed = await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = analyst.RefreshToken }, Ct);
        var (accessToken, _) = await ApiAccount.TokensAsync(refreshed);
        using var renewed = ApiAccount.WithToken(app, accessToken);
        Assert.Equal(HttpStatusCode.BadRequest, await WriteAsync(renewed));

        (await analyst.Client.PostAsJsonAsync("/api/auth/password", new { currentPassword = AppFactory.TestPassword, newPassword = "Another-Horse-77-staple" }, Ct))
            .EnsureSuccessStatusCode();
        var revoked = await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = analyst.RefreshToken }, Ct);
        var forged = await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_lists_and_updates_users_and_bad_updates_say_why()
    {
        using var admin = await ApiAccount.CreateAsync(app, "Admin");
        using var analyst = await ApiAccount.CreateAsync(app, "Analyst");

        var list = await admin.Client.GetFromJsonAsync<JsonElement>("/api/users", Ct);
        var row = list.EnumerateArray().Single(u => u.GetProperty("email").GetString() == analyst.Email);
        Assert.Equal(analyst.Id, row.GetProperty("id").GetString());
        Assert.Equal("Analyst", row.GetProperty("role").GetString());
        Assert.False(row.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Client.GetAsync("/api/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Client.PutAsJsonAsync($"/api/users/{analyst.Id}", new { role = "Admin", disabled = false }, Ct)).StatusCode);

        var badRole = await admin.Client.PutAsJsonAsync($"/api/users/{analyst.Id}", new { role = "Owner", disabled = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.True((await badRole.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PutAsJsonAsync("/api/users/no-such-user", new { role = "Viewer", disabled = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, await WriteAsync(analyst.Client));
    }
}
