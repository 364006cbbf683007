using AlliancePositions.Core.Accounts;
using AlliancePositions.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AlliancePositions.Web.Accounts;

public static class AccountsSetup
{
    private const string CookieOrBearer = "CookieOrBearer";

    /// <summary>
    /// ASP.NET Core Identity over the app's one context: cookie sign-in for people, bearer tokens for API clients
    /// (chosen per request by the Authorization header), lockout, roles, and the read/write/admin policies. There is no
    /// self-registration: Admins create users.
    /// </summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var anonymousRead = builder.Configuration.GetSection(AccessOptions.SectionName).Get<AccessOptions>()?.AnonymousRead ?? true;

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                UsesBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));

        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = BootstrapOptions.PasswordMinimumLength;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services.AddAuthorizationBuilder().AddAppPolicies(anonymousRead).SetFallbackPolicy(ClosedUnlessOpened);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHostedService<AdminBootstrap>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<AccountStandings>();
        builder.Services.AddScoped<PasswordSignIn>();
        // Registered before AddRazorComponents, whose own provider is only a fallback.
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, CircuitAccountCheck>();
    }

    /// <summary>
    /// Whether a request authenticates by bearer token rather than by the sign-in cookie: when it sends one, and always
    /// for a write to <c>/api</c>. A browser attaches its cookie to any request, also one a page of another origin
    /// makes (SameSite does not separate two ports of one host), but never an Authorization header; so an API write can
    /// never be forged from a browser, and the API needs no antiforgery tokens. Reads (CSV and SVG links on the
    /// pages) still accept the cookie: another origin cannot read their answer.
    /// </summary>
    public static bool UsesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !HttpMethods.IsOptions(request.Method));

    /// <summary>The read/write/admin policies, by role; component tests apply the same ones.</summary>
    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder authorization, bool anonymousRead) => authorization
        .AddPolicy(Policies.Read, policy =>
        {
            if (anonymousRead) policy.RequireAssertion(_ => true);
            else policy.RequireRole(Roles.All);
        })
        .AddPolicy(Policies.Analyst, policy => policy.RequireRole(Roles.Analyst, Roles.Admin))
        .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

    /// <summary>
    /// The fallback policy: a route that names no policy and does not allow anonymous access needs a signed-in user.
    /// Every route group names its policy; this only catches one that forgets. A request that matches no route, or that
    /// routing itself refuses (405, 415), keeps its answer: it reaches no resource, and an unknown address still gets
    /// the not-found page rather than a sign-in prompt.
    /// </summary>
    public static AuthorizationPolicy ClosedUnlessOpened { get; } = new AuthorizationPolicyBuilder()
        .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
            || (context.Resource is HttpContext http && http.GetEndpoint() is not Microsoft.AspNetCore.Routing.RouteEndpoint))
        .Build();

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/account/login";
        options.AccessDeniedPath = "/account/denied";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        // Secure whenever the request is HTTPS (deployments); plain HTTP on localhost still works for a first run.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        // API clients get status codes, not a redirect to a sign-in page.
        options.Events.OnRedirectToLogin = context => Respond(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Respond(context, StatusCodes.Status403Forbidden);
    }

    private static Task Respond(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
