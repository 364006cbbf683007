using System.Net;
using System.Text.RegularExpressions;
using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>A browser-like client (cookies, no automatic redirects) signed in by posting the sign-in form, as a person does.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpClient> CreateBrowserClientAsync(this AppFactory app, string? role, CancellationToken cancellationToken)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is null) return client;
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.invalid";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, AppFactory.TestPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }

        var form = await client.GetStringAsync("/account/login", cancellationToken);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = AppFactory.TestPassword,
        }), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {role} gave {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
