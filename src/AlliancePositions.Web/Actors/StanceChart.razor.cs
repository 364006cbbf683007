using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Actors;

/// <summary>A point the analyst picked on the chart: whose line, and the statement that set it.</summary>
public sealed record ChartPointSelection(string ActorSlug, string StatementKey);

public partial class StanceChart
{
    internal const double Width = 960;
    private const double Left = 120;
    private const double Right = 24;
    private const double HeaderHeight = 52;
    private const double PanelTitle = 26;
    private const double PlotHeight = 130;
    private const double PanelGap = 30;
    private const double PlotWidth = Width - Left - Right;

    private sealed record BandRow(string Label, double High, double Low, string Fill);

    private static readonly BandRow[] Bands =
    [
        new("Supports ≥1.5", 2, Methodology.SupportsFrom, "var(--band-supports, #1b7f3b)"),
        new("Leans support", Methodology.SupportsFrom, Methodology.LeansSupportFrom, "var(--band-leans-support, #7cbf7f)"),
        new("Ambiguous", Methodology.LeansSupportFrom, Methodology.LeansOpposeFrom, "var(--band-ambiguous, #d9b441)"),
        new("Leans oppose", Methodology.LeansOpposeFrom, Methodology.OpposesFrom, "var(--band-leans-oppose, #e8886e)"),
        new("Opposes ≤−1.5", Methodology.OpposesFrom, -2, "var(--band-opposes, #b3261e)"),
    ];

    [Parameter, EditorRequired] public required StanceChartData Data { get; set; }

    /// <summary>Distinguishes the title's id when two charts share a page.</summary>
    [Parameter] public string TitleId { get; set; } = "stance-chart-title";

    private double Height => HeightOf(Data);

    internal static double HeightOf(StanceChartData data) => HeaderHeight + Math.Max(1, data.Panels.Count) * (PanelTitle + PlotHeight + PanelGap) + 4;

    /// <summary>
    /// Where the chart draws the points of <paramref name="selection"/> (one per question the statement is coded on), in
    /// the chart's own units: the page rings them over the drawing rather than drawing the whole chart again.
    /// </summary>
    internal static IEnumerable<(double X, double Y)> PointsOf(StanceChartData data, ChartPointSelection selection)
    {
        for (var p = 0; p < data.Panels.Count; p++)
            foreach (var series in data.Panels[p].Series.Where(s => s.ActorSlug == selection.ActorSlug))
                foreach (var point in series.Line.Where(pt => pt.StatementKey == selection.StatementKey && pt.Position is not null))
                    yield return (X(data, point.Date.Value), Y(PlotTop(p), point.Position!.Value));
    }

    private string ChartTitle => Data.CompareName is null
        ? $"Stance of {Data.ActorName} over time"
        : $"Stance of {Data.ActorName} and {Data.CompareName} over time";

    private static double PlotTop(int panel) => HeaderHeight + PanelTitle + panel * (PanelTitle + PlotHeight + PanelGap);

    private static double Y(double top, double position) => top + (2 - position) / 4 * PlotHeight;

    private double X(DateOnly date) => X(Data, date);

    private static double X(StanceChartData data, DateOnly date)
    {
        var span = Math.Max(1, data.To.DayNumber - data.From.DayNumber);
        return Left + Math.Clamp((date.DayNumber - data.From.DayNumber) / (double)span, 0, 1) * PlotWidth;
    }

    internal static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static DateOnly PeriodEnd(PartialDate date) => date.Precision switch
    {
        DatePrecision.Month => date.Value.AddMonths(1),
        DatePrecision.Year => date.Value.AddYears(1),
        _ => date.Value,
    };

    /// <summary>Month ticks, thinned so that about eight fit.</summary>
    private IEnumerable<DateOnly> Ticks()
    {
        var months = (Data.To.Year - Data.From.Year) * 12 + Data.To.Month - Data.From.Month;
        var step = Math.Max(1, (int)Math.Ceiling(months / 8.0));
        for (var tick = new DateOnly(Data.From.Year, Data.From.Month, 1); tick <= Data.To; tick = tick.AddMonths(step))
            if (tick >= Data.From) yield return tick;
    }

    private static string DayLabel(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string MonthLabel(DateOnly date) => date.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A step line: each position holds until the next point; a point without a position breaks the line.</summary>
    private string StepPath(double top, IReadOnlyList<StancePoint> line)
    {
        var path = new System.Text.StringBuilder();
        double? lastY = null;
        foreach (var point in line)
        {
            var x = X(point.Date.Value);
            if (lastY is { } held) path.Append(CultureInfo.InvariantCulture, $"H{F(x)} ");
            if (point.Position is not { } position) { lastY = null; continue; }
            var y = Y(top, position);
            path.Append(lastY is null ? $"M{F(x)} {F(y)} " : $"V{F(y)} ");
            lastY = y;
        }
        if (lastY is not null) path.Append(CultureInfo.InvariantCulture, $"H{F(X(Data.To))}");
        return path.Length == 0 ? "M0 0" : path.ToString().TrimEnd();
    }

    private readonly record struct IntervalBand(double X, double Y, double Width, double Height);

    /// <summary>
    /// The 95% interval (methodology 2.0) around the step line: each point's interval, clipped to the scale, holds until
    /// the next point, as the position does. Nothing under 1.0, which has no interval.
    /// </summary>
    private List<IntervalBand> IntervalBands(double top, IReadOnlyList<StancePoint> line)
    {
        var bands = new List<IntervalBand>();
        for (var i = 0; i < line.Count; i++)
        {
            if (line[i].Interval?.Clipped is not { } interval) continue;
            var x = X(line[i].Date.Value);
            var end = i + 1 < line.Count ? X(line[i + 1].Date.Value) : X(Data.To);
            var y = Y(top, interval.High);
            bands.Add(new IntervalBand(x, y, Math.Max(1, end - x), Y(top, interval.Low) - y));
        }
        return bands;
    }

    /// <summary>The 95% bands behind a line (<see cref="IntervalBands"/>), as one piece of markup (see <see cref="PointsMarkup"/>).</summary>
    private MarkupString BandsMarkup(double top, ChartSeries series, string colour)
    {
        var svg = new StringBuilder();
        foreach (var band in IntervalBands(top, series.Line))
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"interval-band\" x=\"{F(band.X)}\" y=\"{F(band.Y)}\" width=\"{F(band.Width)}\" height=\"{F(band.Height)}\" fill=\"{colour}\" fill-opacity=\"0.14\"/>");
        return new MarkupString(svg.ToString());
    }

    /// <summary>
    /// A line's points as one piece of markup, every text in it encoded as the renderer encodes it. Written as
    /// elements, a busy actor's thousands of points took the renderer some twenty frames each, and the frame arrays that
    /// grew for them stayed in the shared array pool long after (tens of megabytes at a million statements).
    /// Each point is a button a keyboard reaches, naming its line and statement for the page's one handler
    /// (ClickableStanceChart).
    /// </summary>
    private MarkupString PointsMarkup(double top, bool below, ChartSeries series, string colour)
    {
        var svg = new StringBuilder();
        foreach (var point in series.Line.Where(pt => pt.Position is not null))
        {
            var x = X(point.Date.Value);
            var y = Y(top, point.Position!.Value);
            var shift = ShiftAt(series, point);
            var label = Encode(PointLabel(series, point, shift));
            // A month- or year-precision date is a period, not a day: show the span it could be.
            if (point.Date.Precision != DatePrecision.Day)
                svg.Append(CultureInfo.InvariantCulture,
                    $"<line x1=\"{F(x)}\" x2=\"{F(Math.Min(X(PeriodEnd(point.Date)), Left + PlotWidth))}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"{colour}\" stroke-opacity=\"0.35\" stroke-width=\"7\" stroke-linecap=\"round\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"chart-point\" tabindex=\"0\" role=\"button\" aria-label=\"{label}\" cursor=\"pointer\" data-actor=\"{Encode(series.ActorSlug)}\" data-statement=\"{Encode(point.StatementKey)}\"><title>{label}</title>");
            if (shift is not null)
            {
                var at = ShiftLabelAt(top, x, y, ShiftLabel(shift));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"shift\"><circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"10\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\"/><text x=\"{F(at.X)}\" y=\"{F(at.Y)}\" text-anchor=\"{at.Anchor}\" fill=\"#222\" font-size=\"10\" font-weight=\"600\">{ShiftLabel(shift)}</text></g>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"5\" fill=\"{colour}\" stroke=\"#fff\" stroke-width=\"1.5\"/></g>");
            if (series.Line.Count <= 8)
            {
                var date = point.Date.ToString();
                var at = DateLabelAt(top, x, y, below, date);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"point-date\"><text x=\"{F(at.X)}\" y=\"{F(at.Y)}\" text-anchor=\"{at.Anchor}\" fill=\"#333\" font-size=\"10\">{Encode(date)}</text></g>");
            }
        }
        return new MarkupString(svg.ToString());
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private int SeriesIndex(string actorSlug) => actorSlug == Data.Panels.SelectMany(p => p.Series).Select(s => s.ActorSlug).FirstOrDefault() ? 0 : 1;

    private static (string Colour, string? Dash) SeriesStyle(int index) => index == 0 ? ("#1f4e9c", null) : ("#7b3294", "7 4");

    private string PointLabel(ChartSeries series, StancePoint point, Shift? shift)
    {
        var summary = Data.Summaries.TryGetValue(point.StatementKey, out var text) ? text : point.StatementKey;
        var shiftText = shift is null ? "" : $" Shift ({ShiftLabel(shift)}): {BandChip.Label(shift.From)} → {BandChip.Label(shift.To)}.";
        var interval = IntervalText(point) is { } i ? $", 95% {i}" : "";
        return $"{series.ActorName}, {point.Date}: {BandChip.Label(point.Band)} ({PositionText(point)}{interval}) after \"{summary}\".{shiftText}";
    }

    // The chart's words for a point, shared with its table (StanceChartTable) so both say the same.
    internal static string PositionText(StancePoint point) =>
        point.Position is { } p ? p.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a";

    internal static string? IntervalText(StancePoint point) => point.Interval?.Clipped is { } i
        ? $"{i.Low.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)} to {i.High.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}"
        : null;

    internal static string ShiftText(Shift shift) => $"{ShiftLabel(shift)}: {BandChip.Label(shift.From)} → {BandChip.Label(shift.To)}";

    internal static Shift? ShiftAt(ChartSeries series, StancePoint point) =>
        series.Shifts.FirstOrDefault(sh => sh.StatementKey == point.StatementKey && sh.Date == point.Date);

    private readonly record struct LabelAt(double X, double Y, string Anchor);

    // About the width of a 10 px label's character, to keep labels off the edges without measuring text.
    private const double CharWidth = 5.6;

    /// <summary>
    /// A point's date, kept inside the plot: below the point (or above, for the second line) unless that would cross
    /// the month labels under the plot or the panel's title over it, and anchored at its start or end near the edges
    /// so it does not run into the band labels on the left.
    /// </summary>
    private static LabelAt DateLabelAt(double top, double x, double y, bool below, string text)
    {
        var (under, over) = (y + 18, y - 12);
        var fitsUnder = under <= top + PlotHeight - 3;
        var fitsOver = over - 10 >= top + 1;
        var labelY = below ? (fitsUnder ? under : over) : (fitsOver ? over : under);
        return Clamp(new LabelAt(x, labelY, "middle"), text);
    }

    /// <summary>The name of a change of band, right of its ring, or left of it near the right edge; below it near the top.</summary>
    private static LabelAt ShiftLabelAt(double top, double x, double y, string text)
    {
        var labelY = y - 10 - 10 >= top + 1 ? y - 10 : y + 22;
        return x + 12 + text.Length * CharWidth <= Left + PlotWidth ? new LabelAt(x + 12, labelY, "start") : new LabelAt(x - 12, labelY, "end");
    }

    private static LabelAt Clamp(LabelAt label, string text)
    {
        var half = text.Length * CharWidth / 2;
        if (label.X - half < Left + 2) return label with { X = Math.Max(label.X - 4, Left + 2), Anchor = "start" };
        if (label.X + half > Left + PlotWidth - 2) return label with { X = Math.Min(label.X + 4, Left + PlotWidth - 2), Anchor = "end" };
        return label;
    }

    private static string ShiftLabel(Shift shift) => shift.Kind switch
    {
        ShiftKind.Reversal => "reversal",
        ShiftKind.HalfShift => "half shift",
        ShiftKind.Strengthening => "strengthening",
        _ => "softening",
    };
}
