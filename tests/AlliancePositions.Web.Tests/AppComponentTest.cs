using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlliancePositions.Web.Tests;

/// <summary>bUnit base: MudBlazor's services and loose JS interop, as MudBlazor's own component tests set up.</summary>
public abstract class AppComponentTest : BunitContext
{
    protected AppComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
