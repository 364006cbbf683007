using Bunit;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Tests;

/// <summary>
/// Waits on the JavaScript calls a component makes after a render, such as attaching listeners. Not a render wait:
/// bUnit's waits recheck on a render, and no render need follow such a call.
/// </summary>
public static class JSCalls
{
    /// <summary>Waits (up to 10 s) until <paramref name="identifier"/> was called at least <paramref name="times"/> times.</summary>
    public static async Task WaitForAsync(BunitJSInterop js, string identifier, int times = 1)
    {
        for (var polls = 0; polls < 200 && js.Invocations[identifier].Count < times; polls++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
    }

    /// <summary>Lets the renderer run what was queued behind the current work, so that a duplicate call would be counted.</summary>
    public static async Task SettleAsync<TComponent>(IRenderedComponent<TComponent> component) where TComponent : IComponent
    {
        for (var turns = 0; turns < 5; turns++) await component.InvokeAsync(() => { });
    }
}
