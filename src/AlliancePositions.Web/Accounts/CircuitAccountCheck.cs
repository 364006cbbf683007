using AlliancePositions.Core.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Accounts;

/// <summary>
/// An open circuit keeps the sign-in it started with, and HTTP requests (checked each time by
/// <see cref="AccountChecks"/>) no longer pass; so the circuit re-checks the account every minute, and a deleted,
/// disabled, demoted or re-passworded user's circuit loses its sign-in within that minute.
/// </summary>
internal sealed class CircuitAccountCheck(ILoggerFactory loggerFactory, IDbContextFactory<AppDbContext> contexts, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        StillValidAsync(authenticationState.User, cancellationToken);

    /// <summary>What each minute's check asks: is this sign-in still the account as stored?</summary>
    internal async Task<bool> StillValidAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await AccountChecks.StandingAsync(contexts, identity.Value, user, cancellationToken) == AccountStanding.Current;
}
