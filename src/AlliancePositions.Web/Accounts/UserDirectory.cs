using AlliancePositions.Core.Accounts;
using AlliancePositions.Core.Editing;
using Microsoft.AspNetCore.Identity;

namespace AlliancePositions.Web.Accounts;

public sealed record UserRow(string Id, string Email, string Role, bool LockedOut);

/// <summary>
/// Users and their roles for the Admin pages. Each call takes its own scope: a circuit lives for hours, too long to
/// hold one UserManager and its context. Every user has exactly one of the three roles.
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
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, roles.FirstOrDefault() ?? "none",
                user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow));
        }
        return rows;
    }

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
        if (!Roles.All.Contains(role)) return $"\"{role}\" is not a role: use Viewer, Analyst or Admin.";
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "That user no longer exists.";
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
            return "This is the only Admin: make someone else an Admin first.";
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        logger.LogInformation("{Admin} changed the role of {Email} from {OldRoles} to {Role}", byAdmin, user.Email, string.Join(",", current), role);
        return null;
    }

}
