using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>A browser-like client (cookies, no automatic redirects) signed in by posting the sign-in form, as a person does.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpClient> CreateBrowserClientAsync(this AppFactory app, string? role, CancellationToken cancellationToken)
    {
        if (role is null) return app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var (_, email) = await ApiAccount.CreateUserAsync(app, role);
        var (client, response) = await app.SignInBrowserAsync(email, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {role} gave {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    /// <summary>Posts the sign-in form as <paramref name="email"/> (with the test password unless given); the answer is the form's.</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> SignInBrowserAsync(this AppFactory app, string email, CancellationToken cancellationToken,
        string password = AppFactory.TestPassword)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login", cancellationToken);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }), cancellationToken);
        return (client, response);
    }

    /// <summary>The antiforgery token of the form in <paramref name="page"/>.</summary>
    public static string FormToken(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
