using Microsoft.EntityFrameworkCore;
using AlliancePositions.Core.Data;
using System.Security.Cryptography;
using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Accounts;

/// <summary>
/// On first start with no users: creates the roles and an Admin from <c>Bootstrap:AdminEmail</c> and
/// <c>Bootstrap:AdminPassword</c>. Without a configured password it generates a strong one and writes it once to the
/// console only (never to the log file), and the Admin must choose a new password at first sign-in.
/// </summary>
internal sealed class AdminBootstrap(IServiceProvider services, IOptions<BootstrapOptions> options, ILogger<AdminBootstrap> logger) : IHostedService
{
    public const string DefaultAdminEmail = "admin@localhost";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        // Several nodes starting at once: one creates the roles and the first Admin, the others then find them.
        await using var startup = await StartupLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), cancellationToken);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (users.Users.Any()) return;

        var email = string.IsNullOrWhiteSpace(options.Value.AdminEmail) ? DefaultAdminEmail : options.Value.AdminEmail;
        var generated = string.IsNullOrEmpty(options.Value.AdminPassword);
        var password = generated ? GeneratePassword() : options.Value.AdminPassword!;
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = generated };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("Could not create the first Admin: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Created the first Admin {Email}", email);
        if (generated)
        {
            // Deliberately the console, not the logger: the log file must never hold a password.
            Console.WriteLine($"First Admin: {email} with the one-time password {password} (you will be asked to change it at first sign-in).");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        // Identity's default rules want a digit, both cases and a symbol.
        return new string(chars) + "-7aZ";
    }
}
