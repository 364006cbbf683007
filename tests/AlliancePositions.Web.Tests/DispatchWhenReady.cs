using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Tests;

/// <summary>
/// Clicks and changes that wait for their element and cannot race a render. Pages re-render as their reads come back
/// (later on PostgreSQL than on SQLite), and each render gives the element's handlers new ids: an element found before
/// a render and clicked after it reaches no handler, and bUnit reports that later, from an unrelated wait. Finding and
/// dispatching inside the renderer's dispatcher leaves no render between the two.
/// </summary>
internal static class DispatchWhenReadyExtensions
{
    public static void ClickWhenReady<T>(this IRenderedComponent<T> component, Func<IElement> find) where T : IComponent =>
        component.DispatchWhenReady(find, element => element.Click());

    public static void ChangeWhenReady<T, TValue>(this IRenderedComponent<T> component, Func<IElement> find, TValue value) where T : IComponent =>
        component.DispatchWhenReady(find, element => element.Change(value));

    public static void ChangeWhenReady<T, TValue>(this IRenderedComponent<T> component, string selector, TValue value) where T : IComponent =>
        component.ChangeWhenReady(() => component.Find(selector), value);

    private static void DispatchWhenReady<T>(this IRenderedComponent<T> component, Func<IElement> find, Action<IElement> dispatch) where T : IComponent
    {
        for (var attempt = 1; ; attempt++)
        {
            component.WaitForAssertion(() => find());
            var dispatched = component.InvokeAsync(() =>
            {
                IElement element;
                try
                {
                    element = find();
                }
                catch (Exception) when (attempt < 20)
                {
                    return false; // a render since the wait took the element away again: wait for it anew
                }
                dispatch(element);
                return true;
            }).GetAwaiter().GetResult();
            if (dispatched) return;
        }
    }
}
