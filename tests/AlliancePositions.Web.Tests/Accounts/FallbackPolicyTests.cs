using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// Closed unless opened: every route names who may call it, and an endpoint that forgets falls to a policy that wants
/// a signed-in user, never to open access.
/// </summary>
public class FallbackPolicyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_endpoint_that_names_no_policy_refuses_an_anonymous_caller_and_admits_a_signed_in_one()
    {
        var fallback = await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();

        var request = new DefaultHttpContext();
        request.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/forgotten"), 0, EndpointMetadataCollection.Empty, "forgotten"));

        var anonymous = await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), request, fallback);
        var signedIn = await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone")], "test")), request, fallback);

        Assert.False(anonymous.Succeeded);
        Assert.True(signedIn.Succeeded);
    }

    [Fact]
    public async Task An_unknown_address_is_still_a_not_found_page_for_an_anonymous_visitor()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Every_endpoint_the_app_maps_names_a_policy_or_allows_anonymous_access()
    {
        var unstated = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.DisplayName)
            .ToList();

        // The one exception is the framework's own: in a build that is not published, MapStaticAssets adds a fallback
        // serving files added to wwwroot after the build, beyond the reach of the app's conventions.
        Assert.Equal(["Fallback {**path:file}"], unstated);
    }
}
