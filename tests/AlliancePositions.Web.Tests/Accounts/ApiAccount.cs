using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// A new user in a role, and an API client signed in as them with a bearer token: what tests about the account's own
/// sign-ins need (its id, email and refresh token).
/// </summary>
public sealed record ApiAccount(string Id, string Email, HttpClient Client, string RefreshToken) : IDisposable
{
    public static async Task<ApiAccount> CreateAsync(AppFactory app, string role, bool mustChangePassword = false)
    {
        var (id, email) = await CreateUserAsync(app, role, mustChangePassword);
        var client = app.CreateClient();
        var tokens = await TokensAsync(await client.PostAsJsonAsync("/api/auth/login", new { email, password = AppFactory.TestPassword }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new ApiAccount(id, email, client, tokens.RefreshToken);
    }

    /// <summary>A user with the test password, made directly in the store.</summary>
    public static async Task<(string Id, string Email)> CreateUserAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string role, bool mustChangePassword = false)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.invalid";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = mustChangePassword };
        var created = await users.CreateAsync(user, AppFactory.TestPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return (user.Id, email);
    }

    /// <summary>The tokens of a sign-in answer (login, refresh, password change), after checking it succeeded.</summary>
    public static async Task<(string AccessToken, string RefreshToken)> TokensAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>Another client with the same account's <paramref name="accessToken"/>.</summary>
    public static HttpClient WithToken(AppFactory app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public void Dispose() => Client.Dispose();
}
