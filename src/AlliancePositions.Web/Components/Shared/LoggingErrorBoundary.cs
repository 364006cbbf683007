using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AlliancePositions.Web.Components.Shared;

/// <summary>
/// Catches a component's unexpected failure, logs it through Serilog with the page it happened on, and shows a
/// friendly message instead of a dead circuit. <see cref="ErrorBoundaryBase.Recover"/> runs on the next navigation.
/// </summary>
public sealed class LoggingErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<LoggingErrorBoundary> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "A page failed to render at {Uri}", Navigation.Uri);
        return Task.CompletedTask;
    }
}
