using Scalar.AspNetCore;

namespace AlliancePositions.Web.Api;

public static class ApiDocumentation
{
    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c> and the Scalar reference at <c>/scalar</c>, working offline: the
    /// bundle is served by the app, and remote fonts, the request proxy, telemetry and the AI agent are off.
    /// </summary>
    public static void MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", options =>
        {
            options.Title = "AlliancePositions API";
            options.DisableDefaultFonts();
            options.DisableTelemetry();
            options.DisableAgent();
            options.DisableMcp();
            options.ProxyUrl = null;
        }).AllowAnonymous();
    }
}
