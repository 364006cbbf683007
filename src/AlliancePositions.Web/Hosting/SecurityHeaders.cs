using System.Security.Cryptography;

namespace AlliancePositions.Web.Hosting;

/// <summary>
/// The headers every response carries: no content sniffing (a CSV or SVG of stored text is never run as HTML), no
/// referrer beyond the app, HSTS over HTTPS, and a Content-Security-Policy. Pages get a policy that allows what
/// Blazor Server and MudBlazor need and nothing else; every other response (JSON, CSV, SVG, Atom) one that allows nothing.
/// </summary>
/// <remarks>
/// What the pages need, checked against the rendered markup and the browser tests:
/// scripts only from the app itself (blazor.web.js, MudBlazor.min.js, collocated modules), plus the one inline script
/// Blazor writes, the import map, which carries this request's nonce; the circuit's WebSocket to the same origin;
/// inline styles, because MudBlazor positions popovers and writes its theme as style attributes and a style element
/// at run time (a nonce cannot reach those), as do a few of our own components; images from the app and data: URIs
/// (MudBlazor's CSS icons). No plugins, no framing by other sites, forms and base URL to the app only.
/// </remarks>
public static class SecurityHeaders
{
    private const string NonceKey = "AlliancePositions.CspNonce";

    /// <summary>The API reference (Scalar) configures its bundled script with an inline script: a static, anonymous page of our own text.</summary>
    private const string ApiReferencePath = "/scalar";

    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public const string OtherPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";

    public static string PagePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>This request's nonce for an inline script the framework writes (the import map), made on first use.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
        var isPage = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        headers.ContentSecurityPolicy = !isPage ? OtherPolicy
            : context.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiReferencePolicy
            : PagePolicy(context.Items[NonceKey] as string);
    }
}
