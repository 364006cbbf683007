using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AlliancePositions.Core.Accounts;
using AlliancePositions.Core.Editing;
using AlliancePositions.Web.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Accounts;

public sealed record LoginRequest([property: Required, EmailAddress] string Email, [property: Required] string Password);

public sealed record CreateUserRequest([property: Required, EmailAddress] string Email, [property: Required, MinLength(12)] string Password, [property: Required] string Role);

public sealed record RefreshRequest([property: Required] string RefreshToken);

public sealed record ChangePasswordRequest([property: Required] string CurrentPassword, [property: Required] string NewPassword);

public sealed record UpdateUserRequest([property: Required] string Role, [property: Required] bool? Disabled);

public static class AccountsApi
{
    /// <summary>Sign-out for the browser (a form post with its antiforgery token) and bearer-token sign-in for API clients.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var signedIn = app.MapGroup("/account").RequireAuthorization().WithMetadata(new AllowedBeforePasswordChangeAttribute());
        signedIn.MapPost("/logout", SignOutAsync);
        return app;
    }

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var signIn = api.MapGroup("/auth").AllowAnonymous();
        signIn.MapPost("/login", LoginAsync);
        signIn.MapPost("/refresh", RefreshAsync);
        var signedIn = api.MapGroup("/auth").RequireAuthorization().WithMetadata(new AllowedBeforePasswordChangeAttribute());
        signedIn.MapPost("/password", ChangePasswordAsync);
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("", ListUsersAsync);
        users.MapPost("", CreateUserAsync);
        users.MapPut("/{id}", UpdateUserAsync);
        return api;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<AppUser> signIn, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/");
    }

    /// <summary>
    /// Writes <c>{ tokenType, accessToken, expiresIn, refreshToken }</c> through the bearer-token scheme, or 401 with
    /// problem details, the same for an unknown email, a wrong password and a locked or disabled account.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, PasswordSignIn signIn) =>
        await signIn.SignInAsync(request.Email, request.Password, IdentityConstants.BearerScheme) is null
            ? TypedResults.Problem(PasswordSignIn.Refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed")
            : TypedResults.Empty;

    /// <summary>
    /// New tokens for a refresh token, while the account is as it was when the token was issued (same security stamp,
    /// not disabled); else 401 and the client signs in again.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer,
        SignInManager<AppUser> signIn, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { Disabled: false } user)
            return TypedResults.Problem("The refresh token has expired or was revoked (the password, the role or the account changed): sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Refresh refused");
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>The signed-in user's own password; answers with new tokens, since the change revokes the old ones.</summary>
    private static async Task<IResult> ChangePasswordAsync(ChangePasswordRequest request, UserDirectory directory, ClaimsPrincipal user) =>
        (await directory.ChangePasswordAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", request.CurrentPassword, request.NewPassword))
            .ToHttp(principal => TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme));

    private static async Task<Ok<IReadOnlyList<UserRow>>> ListUsersAsync(UserDirectory directory) => TypedResults.Ok(await directory.ListAsync());

    private static async Task<IResult> UpdateUserAsync(string id, UpdateUserRequest request, UserDirectory directory, ClaimsPrincipal admin) =>
        (await directory.UpdateAsync(id, request.Role, request.Disabled ?? false, admin.Identity?.Name ?? "unknown")).ToHttp(TypedResults.Ok);

    private static async Task<IResult> CreateUserAsync(CreateUserRequest request, UserDirectory directory, ClaimsPrincipal admin) =>
        (await directory.CreateAsync(request.Email, request.Password, request.Role, admin.Identity?.Name ?? "unknown"))
            .ToHttp(email => TypedResults.Created($"/api/users/{Uri.EscapeDataString(email)}", new { email, role = request.Role }));

    /// <summary>The signed-in user as the write services record them.</summary>
    public static Editor ToEditor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "unknown", user.FindFirstValue(ClaimTypes.NameIdentifier));
}
