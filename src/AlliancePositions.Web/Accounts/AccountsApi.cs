using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AlliancePositions.Core.Accounts;
using AlliancePositions.Core.Editing;
using AlliancePositions.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AlliancePositions.Web.Accounts;

public sealed record LoginRequest([property: Required, EmailAddress] string Email, [property: Required] string Password);

public sealed record CreateUserRequest([property: Required, EmailAddress] string Email, [property: Required, MinLength(12)] string Password, [property: Required] string Role);

public static class AccountsApi
{
    /// <summary>Sign-out for the browser (a form post with its antiforgery token) and bearer-token sign-in for API clients.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", SignOutAsync).RequireAuthorization();
        return app;
    }

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous();
        api.MapPost("/users", CreateUserAsync).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<AppUser> signIn, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/");
    }

    /// <summary>
    /// Writes <c>{ tokenType, accessToken, expiresIn, refreshToken }</c> through the bearer-token scheme, or 401 with
    /// problem details; repeated failures lock the account as the sign-in page does.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var user = await users.FindByEmailAsync(request.Email);
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty;
        return TypedResults.Problem(result.IsLockedOut ? "Too many failed attempts: the account is locked for 15 minutes." : "The email or the password is not right.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    private static async Task<IResult> CreateUserAsync(CreateUserRequest request, UserDirectory directory, ClaimsPrincipal admin) =>
        (await directory.CreateAsync(request.Email, request.Password, request.Role, admin.Identity?.Name ?? "unknown"))
            .ToHttp(email => TypedResults.Created($"/api/users/{Uri.EscapeDataString(email)}", new { email, role = request.Role }));

    /// <summary>The signed-in user as the write services record them.</summary>
    public static Editor ToEditor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "unknown", user.FindFirstValue(ClaimTypes.NameIdentifier));
}
