using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// Signing in must not tell who has an account: an unknown email, a wrong password, a locked and a disabled account get
/// the same answer after the same work (one password hash), on the API and on the sign-in page.
/// </summary>
public class SignInDisclosureTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Id, string Email)> LockedAccountAsync(WebApplicationFactory<Program> app)
    {
        var account = await ApiAccount.CreateUserAsync(app, "Analyst");
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++) await client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "wrong-password" }, Ct);
        return account;
    }

    private static async Task<string> DisabledAccountAsync(WebApplicationFactory<Program> app)
    {
        var (id, email) = await ApiAccount.CreateUserAsync(app, "Analyst");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(id))!;
        user.Disabled = true;
        await users.UpdateAsync(user);
        return email;
    }

    private static async Task<string> AnswerAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return $"{(int)response.StatusCode} {problem.GetProperty("title").GetString()}: {problem.GetProperty("detail").GetString()}";
    }

    [Fact]
    public async Task The_api_gives_the_same_answer_for_an_unknown_email_a_wrong_password_and_a_locked_or_disabled_account()
    {
        var (_, real) = await ApiAccount.CreateUserAsync(app, "Analyst");
        var (_, locked) = await LockedAccountAsync(app);
        var disabled = await DisabledAccountAsync(app);
        using var client = app.CreateClient();

        var unknown = await AnswerAsync(client, $"nobody-{Guid.NewGuid():N}@test.invalid", AppFactory.TestPassword);

        Assert.StartsWith("401 ", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, await AnswerAsync(client, real, "wrong-password"));
        Assert.Equal(unknown, await AnswerAsync(client, locked, AppFactory.TestPassword));
        Assert.Equal(unknown, await AnswerAsync(client, disabled, AppFactory.TestPassword));
    }

    [Fact]
    public async Task The_sign_in_page_gives_the_same_message_for_an_unknown_email_and_a_locked_account()
    {
        var (_, locked) = await LockedAccountAsync(app);

        var (unknownBrowser, unknown) = await app.SignInBrowserAsync($"nobody-{Guid.NewGuid():N}@test.invalid", Ct);
        var (lockedBrowser, lockedOut) = await app.SignInBrowserAsync(locked, Ct);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(Alert(await unknown.Content.ReadAsStringAsync(Ct)), Alert(await lockedOut.Content.ReadAsStringAsync(Ct)));
        Assert.NotEmpty(Alert(await unknown.Content.ReadAsStringAsync(Ct)));
        unknownBrowser.Dispose();
        lockedBrowser.Dispose();
    }

    private static string Alert(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<div class=\"account-error\" role=\"alert\">([^<]*)</div>").Groups[1].Value;

    [Fact]
    public async Task Every_refused_sign_in_costs_one_password_hash_whether_or_not_the_account_exists()
    {
        await using var parent = new AppFactory();
        var hasher = new CountingHasher();
        using var counted = parent.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        var (_, real) = await ApiAccount.CreateUserAsync(counted, "Analyst");
        var (_, locked) = await LockedAccountAsync(counted);
        var disabled = await DisabledAccountAsync(counted);
        using var client = counted.CreateClient();

        async Task<int> HashesAsync(string email, string password)
        {
            var before = hasher.Verifications;
            await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
            return hasher.Verifications - before;
        }

        Assert.Equal(1, await HashesAsync(real, "wrong-password"));
        Assert.Equal(1, await HashesAsync($"nobody-{Guid.NewGuid():N}@test.invalid", "wrong-password"));
        Assert.Equal(1, await HashesAsync(locked, AppFactory.TestPassword));
        Assert.Equal(1, await HashesAsync(disabled, AppFactory.TestPassword));
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
