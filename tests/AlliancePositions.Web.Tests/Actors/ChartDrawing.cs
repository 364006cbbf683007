using AlliancePositions.Web.Actors;
using Bunit;

namespace AlliancePositions.Web.Tests.Actors;

/// <summary>
/// What the actor page's chart shows. In a browser, its &lt;stance-chart-drawing&gt; fetches the chart download, which
/// draws <see cref="StanceChart"/> over the same data; bUnit runs no script, so the tests draw it from the page's data.
/// </summary>
public static class ChartDrawing
{
    public static IRenderedComponent<StanceChart> DrawnChart(this BunitContext context, IRenderedComponent<ActorPage> page)
    {
        page.WaitForState(() => page.FindComponents<ClickableStanceChart>().Count > 0);
        return context.Render<StanceChart>(p => p.Add(c => c.Data, page.FindComponent<ClickableStanceChart>().Instance.Data));
    }
}
