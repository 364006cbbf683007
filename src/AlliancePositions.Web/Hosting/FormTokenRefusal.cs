using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace AlliancePositions.Web.Hosting;

/// <summary>
/// A form posted without a valid antiforgery token (an expired page, another site's form) is a 400 whichever endpoint
/// it was meant for: refused before the endpoint runs, and answered by the status-code pages (the error page for
/// people, problem details under /api). The error page is re-executed as a GET: re-executed as the original POST it
/// would itself demand a form token and fail with a 500.
/// </summary>
public static class FormTokenRefusal
{
    /// <summary>After <c>UseAntiforgery</c>.</summary>
    public static IApplicationBuilder UseFormTokenRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The error page re-executed for this very refusal still carries the failed validation: let it through.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    });

    /// <summary>Right after <c>UseStatusCodePagesWithReExecute</c>.</summary>
    public static IApplicationBuilder UseReExecutionAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null) context.Request.Method = HttpMethods.Get;
        await next(context);
    });
}
