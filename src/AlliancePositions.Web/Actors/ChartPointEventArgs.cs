using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Actors;

/// <summary>
/// A click (or Enter or Space) inside the chart, with the point it landed on: the app's script
/// (wwwroot/AlliancePositions.Web.lib.module.js) reads the point's line and statement off its <c>data-</c> attributes.
/// Both are null when the click missed every point.
/// </summary>
public sealed class ChartPointEventArgs : EventArgs
{
    public string? Actor { get; set; }
    public string? Statement { get; set; }
}

[EventHandler("onchartpointselect", typeof(ChartPointEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
