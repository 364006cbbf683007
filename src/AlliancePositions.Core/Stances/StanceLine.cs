namespace AlliancePositions.Core.Stances;

/// <summary>A stance line (<see cref="StanceQueries.HistoryAsync"/>) cut to what a chart can show.</summary>
public static class StanceLine
{
    /// <summary>At most this many points per line: a chart is as wide as a page, whatever an actor has said.</summary>
    public const int MaxPoints = 300;

    /// <summary>
    /// Keeps every change of band, the last point, and an even sample of the rest, so a voice with tens of thousands of
    /// statements draws as fast as one with ten, and no shift disappears.
    /// </summary>
    public static IReadOnlyList<StancePoint> Thin(IReadOnlyList<StancePoint> line)
    {
        if (line.Count <= MaxPoints) return line;
        var keep = new bool[line.Count];
        keep[0] = keep[^1] = true;
        for (var i = 1; i < line.Count; i++) keep[i] |= line[i].Band != line[i - 1].Band;
        var step = (double)line.Count / (MaxPoints - keep.Count(k => k));
        for (var x = 0.0; x < line.Count && step > 0; x += Math.Max(step, 1)) keep[(int)x] = true;
        return line.Where((_, i) => keep[i]).ToList();
    }
}
