using System.Security.Claims;
using AlliancePositions.Core.Accounts;
using AlliancePositions.Core.Editing;
using Microsoft.AspNetCore.Identity;

namespace AlliancePositions.Web.Accounts;

public sealed record UserRow(string Id, string Email, string Role, bool LockedOut, bool Disabled = false, bool MustChangePassword = false);

/// <summary>
/// Users and their roles for the Admin pages and <c>/api/users</c>. Each call takes its own scope: a circuit lives for
/// hours, too long to hold one UserManager and its context. Every user has exactly one of the three roles. A change of
/// role, of the disabled flag or of the password renews the security stamp, which every signed-in request checks: the
/// user's older cookies and tokens stop working at their next request (<see cref="AccountChecks"/>).
/// </summary>
public sealed class UserDirectory(IServiceScopeFactory scopes, ILogger<UserDirectory> logger)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var rows = new List<UserRow>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(ToRow(user, roles));
        }
        return rows;
    }

    private static UserRow ToRow(AppUser user, IList<string> roles) =>
        new(user.Id, user.Email ?? user.UserName ?? user.Id, roles.FirstOrDefault() ?? "none", user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow,
            user.Disabled, user.MustChangePassword);

    /// <summary>Adds a user in a role: the admin page and <c>POST /api/users</c> both come here.</summary>
    public async Task<WriteResult<string>> CreateAsync(string? email, string? password, string? role, string byAdmin)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            errors.Add("email", "Enter the new user's email address.");
        if (!Roles.All.Contains(role)) errors.Add("role", $"\"{role}\" is not a role: use Viewer, Analyst or Admin.");
        if (string.IsNullOrEmpty(password)) errors.Add("password", "Enter a password of at least 12 characters.");
        if (errors.Any) return WriteResult<string>.Invalid(errors.ToDictionary());

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email!) is not null) return WriteResult<string>.Duplicate(email!);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded) return WriteResult<string>.Invalid("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role!);
        logger.LogInformation("{Admin} added the user {Email} as {Role}", byAdmin, email, role);
        return WriteResult<string>.Ok(email!);
    }

    /// <summary>Null when done, else why not.</summary>
    public async Task<string?> SetRoleAsync(string userId, string role, string byAdmin)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "That user no longer exists.";
        var result = await UpdateAsync(users, user, role, user.Disabled, byAdmin);
        return result.Errors?.Values.SelectMany(m => m).FirstOrDefault();
    }

    /// <summary>
    /// Sets a user's role and whether the account is disabled: <c>PUT /api/users/{id}</c> and the admin page both come
    /// here. The last enabled Admin can be neither demoted nor disabled.
    /// </summary>
    public async Task<WriteResult<UserRow>> UpdateAsync(string userId, string? role, bool disabled, string byAdmin)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is null ? WriteResult<UserRow>.NotFound() : await UpdateAsync(users, user, role, disabled, byAdmin);
    }

    private async Task<WriteResult<UserRow>> UpdateAsync(UserManager<AppUser> users, AppUser user, string? role, bool disabled, string byAdmin)
    {
        if (!Roles.All.Contains(role)) return WriteResult<UserRow>.Invalid("role", $"\"{role}\" is not a role: use Viewer, Analyst or Admin.");
        var current = await users.GetRolesAsync(user);
        var losesAdmin = current.Contains(Roles.Admin) && !user.Disabled && (role != Roles.Admin || disabled);
        if (losesAdmin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.Disabled) == 1)
            return WriteResult<UserRow>.Invalid(role != Roles.Admin ? "role" : "disabled", "This is the only Admin: make someone else an Admin first.");
        if (current.SequenceEqual([role!]) && user.Disabled == disabled) return WriteResult<UserRow>.Ok(ToRow(user, current));

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role!);
        user.Disabled = disabled;
        // The new stamp revokes the cookies and tokens issued with the old role.
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("{Admin} set {Email} to {Role} (was {OldRoles}), disabled {Disabled}", byAdmin, user.Email, role, string.Join(",", current), disabled);
        return WriteResult<UserRow>.Ok(ToRow(user, [role!]));
    }

    /// <summary>
    /// A user replaces their own password (the sign-in page's password form and <c>POST /api/auth/password</c>). On
    /// success: the account's new sign-in (its new security stamp revokes every older cookie and token).
    /// </summary>
    public async Task<WriteResult<ClaimsPrincipal>> ChangePasswordAsync(string userId, string? currentPassword, string? newPassword)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(currentPassword)) errors.Add("currentPassword", "Enter your current password.");
        if (string.IsNullOrEmpty(newPassword)) errors.Add("newPassword", "Enter a new password of at least 12 characters.");
        else if (newPassword == currentPassword) errors.Add("newPassword", "Choose a password different from the current one.");
        if (errors.Any) return WriteResult<ClaimsPrincipal>.Invalid(errors.ToDictionary());

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Disabled) return WriteResult<ClaimsPrincipal>.NotFound();
        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
                errors.Add(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not right." : error.Description);
            return WriteResult<ClaimsPrincipal>.Invalid(errors.ToDictionary());
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        logger.LogInformation("{Email} changed their password", user.Email);
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return WriteResult<ClaimsPrincipal>.Ok(await principals.CreateAsync(user));
    }
}
