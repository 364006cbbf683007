using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AlliancePositions.Web.Accounts;

/// <summary>
/// Sign-in with email and password, for the sign-in page (cookie) and <c>POST /api/auth/login</c> (bearer token). It
/// must not tell who has an account: an unknown email, a disabled or locked account and a wrong password all cost one
/// password hash and get the same refusal, <see cref="Refusal"/>. Failures on a real account still count towards its
/// lockout (5 in a row lock it for 15 minutes).
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, ILogger<PasswordSignIn> logger)
{
    public const string Refusal = "The email or the password is not right, or the account is locked after repeated failures (try again in 15 minutes).";

    // A hash of a password nobody knows, made once with the app's own hasher, so verifying against it costs what
    // verifying a real account's password costs.
    private static readonly AppUser StandIn = new();
    private static string? standInHash;

    /// <summary>Signs in through <paramref name="scheme"/> and returns the user, or null (answer <see cref="Refusal"/>).</summary>
    public async Task<AppUser?> SignInAsync(string email, string password, string scheme)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.Disabled || await users.IsLockedOutAsync(user))
        {
            standInHash ??= hasher.HashPassword(StandIn, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(StandIn, standInHash, password);
            if (user is not null) logger.LogWarning("Sign-in refused for {Email}: {Reason}", email, user.Disabled ? "disabled" : "locked out");
            return null;
        }
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) logger.LogWarning("Sign-in refused for {Email}: locked out", email);
        return result.Succeeded ? user : null;
    }
}
