using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlliancePositions.Web.Tests;

/// <summary>bUnit base: MudBlazor's services and loose JS interop, as MudBlazor's own component tests set up.</summary>
public abstract class AppComponentTest : BunitContext
{
    protected AppComponentTest()
    {
        // Pages load from a real SQLite database (and shared stance computations run on the thread pool): on a loaded
        // 2-core CI machine that can take longer than bUnit's 1-second default. The assertions are unchanged.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
