using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Tests;

internal static class ClickWhenReadyExtensions
{
    /// <summary>
    /// Clicks the element <paramref name="find"/> returns once it is rendered. Pages re-render as their reads come back
    /// (slower on PostgreSQL), and a render between finding and clicking removes the element's handler: then it is found
    /// again. Only a click that never reached a handler is retried, so an action never runs twice.
    /// </summary>
    public static void ClickWhenReady<T>(this IRenderedComponent<T> component, Func<IElement> find) where T : IComponent
    {
        for (var attempt = 1; ; attempt++)
        {
            IElement element = null!;
            component.WaitForAssertion(() => element = find());
            try
            {
                element.Click();
                return;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 20)
            {
            }
        }
    }
}
