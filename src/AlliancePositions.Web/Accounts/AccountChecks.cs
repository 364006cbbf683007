using System.Security.Claims;
using AlliancePositions.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Accounts;

/// <summary>Where a user who must still replace a generated password may go: changing it, signing out, refreshing a token.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowedBeforePasswordChangeAttribute : Attribute;

public enum AccountStanding
{
    /// <summary>The sign-in matches the account as stored now.</summary>
    Current,

    /// <summary>Current, but the account still has its generated password: it may do nothing but change it.</summary>
    MustChangePassword,

    /// <summary>Deleted, disabled, or changed since the sign-in (password, role): the cookie or token no longer counts.</summary>
    Revoked,
}

/// <summary>
/// Every signed-in request, by cookie or bearer token, is checked against the account as stored now: a cookie or token
/// issued before a password change, a change of role or a disabling (each renews the security stamp), or for a deleted
/// account, counts for nothing from the next request on. One indexed read per signed-in account buys that, kept until the
/// next write (<see cref="AccountStandings"/>); reading anonymously costs nothing. Open circuits are checked every minute by <see cref="CircuitAccountCheck"/>.
/// </summary>
public static class AccountChecks
{
    /// <summary>The standing of the account <paramref name="principal"/> signed in to; read through <paramref name="kept"/> when given.</summary>
    public static async Task<AccountStanding> StandingAsync(IDbContextFactory<AppDbContext> contexts, IdentityOptions identity, ClaimsPrincipal principal,
        CancellationToken cancellationToken, AccountStandings? kept = null)
    {
        var id = principal.FindFirstValue(identity.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null) return AccountStanding.Revoked;
        return kept is null ? await StoredStandingAsync(contexts, id, stamp, cancellationToken)
            : await kept.GetAsync(id, stamp, () => StoredStandingAsync(contexts, id, stamp, cancellationToken));
    }

    private static async Task<AccountStanding> StoredStandingAsync(IDbContextFactory<AppDbContext> contexts, string id, string stamp, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.Disabled, u.MustChangePassword }).FirstOrDefaultAsync(cancellationToken);
        if (account is null || account.Disabled || account.SecurityStamp != stamp) return AccountStanding.Revoked;
        return account.MustChangePassword ? AccountStanding.MustChangePassword : AccountStanding.Current;
    }

    /// <summary>After authentication, before authorization: a revoked sign-in becomes anonymous (and its cookie is removed).</summary>
    public static IApplicationBuilder UseAccountChecks(this IApplicationBuilder app) => app.Use(CheckAsync);

    private static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        // What anyone may use (static files, the sign-in page and API) needs no account, and is not worth a query.
        var endpoint = context.GetEndpoint();
        if (context.User.Identity?.IsAuthenticated != true || endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }
        var services = context.RequestServices;
        var standing = await StandingAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            services.GetRequiredService<IOptions<IdentityOptions>>().Value, context.User, context.RequestAborted, services.GetRequiredService<AccountStandings>());
        if (standing == AccountStanding.Revoked)
        {
            if (!AccountsSetup.UsesBearerToken(context.Request)) await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        else if (standing == AccountStanding.MustChangePassword && endpoint?.Metadata.GetMetadata<AllowedBeforePasswordChangeAttribute>() is null)
        {
            await RefuseUntilPasswordChangedAsync(context);
            return;
        }
        await next(context);
    }

    private static async Task RefuseUntilPasswordChangedAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem("This account still has its generated password: change it first with POST /api/auth/password.",
                statusCode: StatusCodes.Status403Forbidden, title: "Password change required").ExecuteAsync(context);
            return;
        }
        context.Response.Redirect($"/account/password?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
    }
}
