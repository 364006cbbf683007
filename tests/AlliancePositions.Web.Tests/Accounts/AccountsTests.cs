using System.Net;
using System.Net.Http.Json;
using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

public class AccountsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_start_creates_an_admin_who_must_change_the_generated_password()
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync("admin@localhost");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, "Admin"));
        Assert.True(admin.MustChangePassword);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_details_and_repeated_failures_lock_the_account()
    {
        using var analyst = await app.CreateClientAsync("Analyst"); // creates a user we can then fail to sign in as
        using var client = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = users.Users.First(u => u.Email!.StartsWith("analyst-")).Email!;

        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++) last = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password" }, Ct);
        var lockedEvenWithTheRightPassword = await client.PostAsJsonAsync("/api/auth/login", new { email, password = AppFactory.TestPassword }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, lockedEvenWithTheRightPassword.StatusCode);
        Assert.Contains("locked", await lockedEvenWithTheRightPassword.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_is_a_form_and_there_is_no_registration()
    {
        using var client = app.CreateClient();
        var page = await client.GetStringAsync("/account/login", Ct);
        Assert.Contains("type=\"password\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/register", Ct)).StatusCode);
        Assert.False((await client.PostAsJsonAsync("/api/register", new { email = "x@y.z", password = "p" }, Ct)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Only_an_admin_adds_users_with_a_role()
    {
        using var admin = await app.CreateClientAsync("Admin");
        using var analyst = await app.CreateClientAsync("Analyst");
        var request = new { email = $"new-{Guid.NewGuid():N}@test.invalid", password = AppFactory.TestPassword, role = "Viewer" };

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/users", request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/users", request, Ct)).StatusCode);
        var badRole = await admin.PostAsJsonAsync("/api/users", request with { email = "other@test.invalid", role = "Owner" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("\"role\"", await badRole.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
