using System.Security.Claims;
using AlliancePositions.Web.Accounts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// bUnit's authorization with the app's real policies (bUnit's fake service would need each test to list the policies
/// a role passes, restating the app's rules). Add it in the test's constructor, before any service is resolved; sign
/// in per test.
/// </summary>
public static class SignedInUser
{
    public static BunitAuthorizationContext AddAppAuthorization(this BunitContext context)
    {
        var auth = context.AddAuthorization();
        context.Services.AddAuthorizationCore();
        new AuthorizationBuilder(context.Services).AddAppPolicies(anonymousRead: true);
        context.Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        context.Services.AddTransient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        return auth;
    }

    public static void SignInAs(this BunitAuthorizationContext auth, string role)
    {
        auth.SetAuthorized($"{role.ToLowerInvariant()}@example.org");
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, $"user-{role.ToLowerInvariant()}"));
    }
}
