using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace AlliancePositions.Benchmarks;

public sealed record ResultRow(string Operation, string Size, int? Actors, double MeanMs, double P95Ms)
{
    public string Series => Actors is { } n ? $"{Operation} ({n} actors)" : Operation;
}

/// <summary>Writes the measured figures as a Markdown table beside their references, and the time-vs-size plot.</summary>
public static class ResultsReport
{
    public static void Write(IReadOnlyList<ResultRow> rows, IReadOnlyList<ImportFigures> imports, string directory)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        text.AppendLine();
        text.AppendLine("| Operation | Corpus | Mean (ms) | P95 (ms) | Reference | Reference mean (ms) | Ratio |");
        text.AppendLine("|---|---|---:|---:|---|---:|---:|");
        foreach (var row in rows.Where(r => !r.Operation.Contains("hand-written", StringComparison.Ordinal)).OrderBy(r => r.Series, StringComparer.Ordinal).ThenBy(r => Corpora.Sizes[r.Size]))
        {
            var reference = rows.FirstOrDefault(r => r.Operation.Contains("hand-written", StringComparison.Ordinal) && r.Size == row.Size && r.Actors == row.Actors
                                                     && row.Operation.StartsWith("agreement", StringComparison.Ordinal));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Series} | {row.Size} | {row.MeanMs:F2} | {row.P95Ms:F2} | {(reference is null ? "budget p95 ≤ 30 ms" : "hand-written SQL")} | {(reference is null ? "" : reference.MeanMs.ToString("F2", CultureInfo.InvariantCulture))} | {(reference is null ? "" : (row.MeanMs / reference.MeanMs).ToString("F2", CultureInfo.InvariantCulture) + "×")} |");
        }
        foreach (var import in imports)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| corpus import (statements/s) | {import.Size} | {import.ImporterPerSecond:N0}/s ({import.ImporterSeconds:F2} s) | | sqlite3 .import CSV | {import.SqliteCliPerSecond:N0}/s ({import.SqliteCliSeconds:F2} s) | {import.Ratio:F3}× |");
        File.WriteAllText(Path.Combine(directory, "results.md"), text.ToString());
        Plot(rows, Path.Combine(directory, "time-vs-corpus-size.png"));
    }

    /// <summary>The rows of a results table written by <see cref="Write"/> (with its references), to redraw its plot.</summary>
    public static List<ResultRow> Read(string resultsMarkdown)
    {
        var rows = new List<ResultRow>();
        foreach (var line in File.ReadLines(resultsMarkdown).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.Contains("statements/s", StringComparison.Ordinal)))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (!Corpora.Sizes.ContainsKey(cells[2])) continue;
            var match = System.Text.RegularExpressions.Regex.Match(cells[1], @"^(?<op>.*?)(?: \((?<n>\d+) actors\))?$");
            int? actors = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
            var operation = match.Groups["op"].Value;
            rows.Add(new ResultRow(operation, cells[2], actors, double.Parse(cells[3], CultureInfo.InvariantCulture), double.Parse(cells[4], CultureInfo.InvariantCulture)));
            if (cells[6].Length > 0)
                rows.Add(new ResultRow("agreement: hand-written SQL", cells[2], actors, double.Parse(cells[6], CultureInfo.InvariantCulture), double.NaN));
        }
        return rows;
    }

    public static void Plot(IReadOnlyList<ResultRow> rows, string pngPath)
    {
        var plot = new ScottPlot.Plot();
        var sizes = rows.Select(r => r.Size).Distinct().ToList();
        foreach (var series in rows.GroupBy(r => r.Series))
        {
            var points = series.OrderBy(p => Corpora.Sizes[p.Size]).ToList();
            var scatter = plot.Add.Scatter(points.Select(p => Math.Log10(Corpora.Sizes[p.Size])).ToArray(), points.Select(p => Math.Log10(p.MeanMs)).ToArray());
            scatter.LegendText = series.Key;
        }
        plot.Axes.Bottom.Label.Text = "Statements in the corpus";
        plot.Axes.Left.Label.Text = "Mean time per operation (ms)";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            sizes.Select(s => Math.Log10(Corpora.Sizes[s])).ToArray(), sizes.Select(s => s).ToArray());
        var decades = new[] { 0.1, 1, 10, 100, 1000, 10000 };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            decades.Select(Math.Log10).ToArray(), decades.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Title("Time vs corpus size (log-log)");
        plot.ShowLegend(ScottPlot.Edge.Right);
        plot.SavePng(pngPath, 1000, 520);
    }
}
