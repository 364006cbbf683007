using System.Net.Http.Json;
using AlliancePositions.Core.Accounts;
using AlliancePositions.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>An open circuit keeps its sign-in only while the account is unchanged: it re-checks every minute.</summary>
public class CircuitAccountCheckTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_circuit_s_sign_in_stops_counting_once_the_user_is_demoted()
    {
        using var admin = await ApiAccount.CreateAsync(app, "Admin");
        var (id, _) = await ApiAccount.CreateUserAsync(app, "Analyst");
        await using var scope = app.Services.CreateAsyncScope();
        var circuit = Assert.IsType<CircuitAccountCheck>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signedIn = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByIdAsync(id))!);
        Assert.True(await circuit.StillValidAsync(signedIn, Ct));

        (await admin.Client.PutAsJsonAsync($"/api/users/{id}", new { role = "Viewer", disabled = false }, Ct)).EnsureSuccessStatusCode();

        Assert.False(await circuit.StillValidAsync(signedIn, Ct));
    }
}
