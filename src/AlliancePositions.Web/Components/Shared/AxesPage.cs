using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Components.Shared;

/// <summary>
/// A page read at a moment: <c>asOf</c>, <c>knownAt</c>, <c>method</c> and <c>view</c> come from the URL here, once for
/// every page, so a link built from <see cref="ReadAxes"/> carries all four and a view stays citable wherever it leads.
/// </summary>
public abstract class AxesPage : ComponentBase
{
    [Inject] protected TimeProvider Clock { get; set; } = null!;

    [SupplyParameterFromQuery] public string? AsOf { get; set; }
    [SupplyParameterFromQuery] public string? KnownAt { get; set; }
    [SupplyParameterFromQuery] public string? Method { get; set; }
    [SupplyParameterFromQuery] public string? View { get; set; }

    /// <summary>The URL's axes and lens; what could not be read is in <see cref="TimeAxes.Notice"/>.</summary>
    protected TimeAxes ReadAxes() => TimeAxes.From(AsOf, KnownAt, Clock).Through(Method, View);
}
