using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace AlliancePositions.Benchmarks;

public sealed record ResultRow(string Operation, string Size, int? Actors, double MeanMs, double P95Ms, string Provider = Corpora.Sqlite)
{
    public string Label => Actors is { } n ? $"{Operation} ({n} actors)" : Operation;

    /// <summary>The plot's line: the operation, and the provider when it is not SQLite (earlier runs measured SQLite only).</summary>
    public string Series => Provider == Corpora.Sqlite ? Label : $"{Label}, {Provider}";
}

/// <summary>Writes the measured figures as a Markdown table beside their references, and the time-vs-size plot.</summary>
public static class ResultsReport
{
    private static bool IsReference(ResultRow row) => row.Operation.Contains("hand-written", StringComparison.Ordinal);

    /// <summary>
    /// The target a row without a reference is read against (issue 19): time travel in 300 ms (2 s with knownAt in the
    /// past), reads p95 30 ms; the work after a write is in the background and has none.
    /// </summary>
    private static string Budget(ResultRow row) =>
        row.Operation.StartsWith("after a write", StringComparison.Ordinal) ? "none: background work"
        : !row.Operation.StartsWith("time travel", StringComparison.Ordinal) ? "budget p95 ≤ 30 ms"
        : row.Operation.Contains("knownAt in the past", StringComparison.Ordinal) ? "budget < 2 s at 1M" : "budget < 300 ms at 1M";

    public static void Write(IReadOnlyList<ResultRow> rows, IReadOnlyList<ImportFigures> imports, string directory)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        text.AppendLine();
        text.AppendLine("| Operation | Provider | Corpus | Mean (ms) | P95 (ms) | Reference | Reference mean (ms) | Ratio |");
        text.AppendLine("|---|---|---|---:|---:|---|---:|---:|");
        foreach (var row in rows.Where(r => !IsReference(r)).OrderBy(r => r.Label, StringComparer.Ordinal).ThenBy(r => Corpora.Sizes[r.Size]).ThenBy(r => r.Provider, StringComparer.Ordinal))
        {
            var reference = rows.FirstOrDefault(r => IsReference(r) && r.Size == row.Size && r.Actors == row.Actors && r.Provider == row.Provider
                                                     && row.Operation.StartsWith("agreement", StringComparison.Ordinal));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Label} | {row.Provider} | {row.Size} | {row.MeanMs:F2} | {row.P95Ms:F2} | {(reference is null ? Budget(row) : "hand-written SQL")} | {(reference is null ? "" : reference.MeanMs.ToString("F2", CultureInfo.InvariantCulture))} | {(reference is null ? "" : (row.MeanMs / reference.MeanMs).ToString("F2", CultureInfo.InvariantCulture) + "×")} |");
        }
        foreach (var import in imports)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| corpus import (statements/s) | {import.Provider} | {import.Size} | {import.ImporterPerSecond:N0}/s ({import.ImporterSeconds:F2} s) | | {import.Reference} | {import.CliPerSecond:N0}/s ({import.CliSeconds:F2} s) | {import.Ratio:F3}× |");

        var providers = rows.Select(r => r.Provider).Distinct().ToList();
        if (providers.Count > 1)
        {
            // Side by side: each operation on each provider, from the same run.
            text.AppendLine();
            text.AppendLine("| Operation | Corpus | SQLite mean (ms) | PostgreSQL mean (ms) | PostgreSQL / SQLite |");
            text.AppendLine("|---|---|---:|---:|---:|");
            foreach (var group in rows.GroupBy(r => (r.Label, r.Size)).OrderBy(g => g.Key.Label, StringComparer.Ordinal).ThenBy(g => Corpora.Sizes[g.Key.Size]))
            {
                var sqlite = group.FirstOrDefault(r => r.Provider == Corpora.Sqlite);
                var postgres = group.FirstOrDefault(r => r.Provider == Corpora.PostgreSql);
                if (sqlite is null || postgres is null) continue;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {group.Key.Label} | {group.Key.Size} | {sqlite.MeanMs:F2} | {postgres.MeanMs:F2} | {postgres.MeanMs / sqlite.MeanMs:F2}× |");
            }
            foreach (var size in imports.Select(i => i.Size).Distinct())
            {
                var sqlite = imports.FirstOrDefault(i => i.Size == size && i.Provider == Corpora.Sqlite);
                var postgres = imports.FirstOrDefault(i => i.Size == size && i.Provider == Corpora.PostgreSql);
                if (sqlite is null || postgres is null) continue;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| corpus import, seconds (statements/s) | {size} | {sqlite.ImporterSeconds * 1000:F0} ({sqlite.ImporterPerSecond:N0}/s) | {postgres.ImporterSeconds * 1000:F0} ({postgres.ImporterPerSecond:N0}/s) | {postgres.ImporterSeconds / sqlite.ImporterSeconds:F2}× |");
            }
        }
        File.WriteAllText(Path.Combine(directory, "results.md"), text.ToString());
        Plot(rows, Path.Combine(directory, "time-vs-corpus-size.png"));
    }

    /// <summary>
    /// The rows of a results table written by <see cref="Write"/> (with its references), to redraw its plot; tables of
    /// runs before the provider column are read as SQLite's.
    /// </summary>
    public static List<ResultRow> Read(string resultsMarkdown)
    {
        var rows = new List<ResultRow>();
        var withProvider = false;
        foreach (var line in File.ReadLines(resultsMarkdown).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.Contains("statements/s", StringComparison.Ordinal)))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells[1] == "Operation") withProvider = cells[2] == "Provider";
            if (cells[1] == "Operation" && cells.Contains("PostgreSQL / SQLite")) break; // the side-by-side table repeats the figures
            var provider = withProvider ? cells[2] : Corpora.Sqlite;
            if (withProvider) cells = [cells[0], .. cells[1..2], .. cells[3..]];
            if (!Corpora.Sizes.ContainsKey(cells[2])) continue;
            var match = System.Text.RegularExpressions.Regex.Match(cells[1], @"^(?<op>.*?)(?: \((?<n>\d+) actors\))?$");
            int? actors = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
            var operation = match.Groups["op"].Value;
            rows.Add(new ResultRow(operation, cells[2], actors, double.Parse(cells[3], CultureInfo.InvariantCulture), double.Parse(cells[4], CultureInfo.InvariantCulture), provider));
            if (cells[6].Length > 0 && !rows.Any(r => IsReference(r) && r.Size == cells[2] && r.Actors == actors && r.Provider == provider))
                rows.Add(new ResultRow("agreement: hand-written SQL", cells[2], actors, double.Parse(cells[6], CultureInfo.InvariantCulture), double.NaN, provider));
        }
        return rows;
    }

    public static void Plot(IReadOnlyList<ResultRow> rows, string pngPath)
    {
        var plot = new ScottPlot.Plot();
        var sizes = rows.Select(r => r.Size).Distinct().OrderBy(s => Corpora.Sizes[s]).ToList();
        foreach (var series in rows.GroupBy(r => r.Series))
        {
            var points = series.OrderBy(p => Corpora.Sizes[p.Size]).ToList();
            var scatter = plot.Add.Scatter(points.Select(p => Math.Log10(Corpora.Sizes[p.Size])).ToArray(), points.Select(p => Math.Log10(p.MeanMs)).ToArray());
            scatter.LegendText = series.Key;
            if (series.First().Provider == Corpora.PostgreSql) scatter.LinePattern = ScottPlot.LinePattern.Dashed;
        }
        plot.Axes.Bottom.Label.Text = "Statements in the corpus";
        plot.Axes.Left.Label.Text = "Mean time per operation (ms)";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            sizes.Select(s => Math.Log10(Corpora.Sizes[s])).ToArray(), sizes.Select(s => s).ToArray());
        var decades = new[] { 0.01, 0.1, 1, 10, 100, 1000, 10000 };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            decades.Select(Math.Log10).ToArray(), decades.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Title(rows.Select(r => r.Provider).Distinct().Count() > 1 ? "Time vs corpus size (log-log), SQLite solid, PostgreSQL dashed" : "Time vs corpus size (log-log)");
        plot.ShowLegend(ScottPlot.Edge.Right);
        plot.SavePng(pngPath, rows.Select(r => r.Provider).Distinct().Count() > 1 ? 1200 : 1000, 520);
    }
}
