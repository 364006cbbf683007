using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace AlliancePositions.Benchmarks;

/// <summary>
/// Every page of a running app, visited one after the other in headless Chromium, each timed until its interactive
/// render is done and no loading bar is left, with the app's working set after each (Linux: VmRSS of the app's process).
/// Start the app on a generated database first, e.g.
/// <c>ConnectionStrings__AlliancePositions="Data Source=$PWD/generated/1m.db" dotnet run -c Release --project src/AlliancePositions.Web --urls http://127.0.0.1:5099</c>,
/// then <c>dotnet run -c Release --project tests/AlliancePositions.Benchmarks -- --visit-pages http://127.0.0.1:5099 --size 1m --pid $(pgrep -f bin/Release/net10.0/AlliancePositions.Web)</c>.
/// </summary>
public static class PageVisits
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<int> RunAsync(string baseUrl, string size, int? pid)
    {
        var chromium = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        Console.WriteLine($"| Page | Time (ms) | Working set after (MB) |\n|---|---:|---:|\n| (before) | | {WorkingSet(pid)} |");
        foreach (var path in Paths(size))
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(baseUrl.TrimEnd('/') + path, new() { Timeout = 180_000 });
            await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 180_000 });
            await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-progress-linear, .mud-progress-circular').length === 0",
                null, new() { Timeout = 180_000, PollingInterval = 100 });
            Console.WriteLine($"| `{path}` | {watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} | {WorkingSet(pid)} |");
        }
        return 0;
    }

    /// <summary>
    /// What an open circuit costs the app: <paramref name="count"/> browser tabs, each in a context of its own (so a
    /// circuit of its own), opened one after another on the busiest actor's page and on the statements page and kept
    /// open, with the app's working set after every few. The cost per circuit is the least-squares slope of the working
    /// set over the number open (garbage not yet collected makes single steps noisy; the slope averages it out).
    /// </summary>
    /// <param name="path">One page for every circuit instead of the two (to tell their costs apart).</param>
    public static async Task<int> CircuitCostAsync(string baseUrl, string size, int? pid, int count, string? path = null)
    {
        if (pid is null) throw new ArgumentException("--circuits needs --pid: the app's process, whose working set is measured.");
        var chromium = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        var actor = Uri.EscapeDataString(Corpora.Scalar(size, "SELECT a.Slug FROM Statements s JOIN Actors a ON a.Id = s.ActorId GROUP BY a.Id ORDER BY COUNT(*) DESC LIMIT 1"));
        string[] paths = path is null ? [$"/actors/{actor}", "/statements"] : [path];

        // One visit of each page first, closed again, so the JIT and the caches are not counted as the first circuits' cost.
        foreach (var warm in paths) await (await OpenCircuitAsync(browser, baseUrl, warm)).CloseAsync();
        var samples = new List<(int Open, long Megabytes)> { (0, WorkingSetMegabytes(pid.Value)) };
        Console.WriteLine($"| Circuits open | Working set (MB) |\n|---:|---:|\n| 0 | {samples[0].Megabytes} |");
        var open = new List<IBrowserContext>();
        for (var i = 1; i <= count; i++)
        {
            open.Add(await OpenCircuitAsync(browser, baseUrl, paths[i % paths.Length]));
            if (i % 5 != 0 && i != count) continue;
            samples.Add((i, WorkingSetMegabytes(pid.Value)));
            Console.WriteLine($"| {i} | {samples[^1].Megabytes} |");
        }
        var (meanOpen, meanSize) = (samples.Average(p => p.Open), samples.Average(p => p.Megabytes));
        var slope = samples.Sum(p => (p.Open - meanOpen) * (p.Megabytes - meanSize)) / samples.Sum(p => (p.Open - meanOpen) * (p.Open - meanOpen));
        Console.WriteLine($"\nCost per open circuit (slope): {slope.ToString("0.00", CultureInfo.InvariantCulture)} MB; pages: {string.Join(", ", paths)}");
        foreach (var context in open) await context.CloseAsync();
        return 0;
    }

    private static async Task<IBrowserContext> OpenCircuitAsync(IBrowser browser, string baseUrl, string path)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl.TrimEnd('/') + path, new() { Timeout = 180_000 });
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 180_000 });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-progress-linear, .mud-progress-circular').length === 0",
            null, new() { Timeout = 180_000, PollingInterval = 100 });
        return context;
    }

    /// <summary>Each page once, with keys taken from the corpus: its busiest actor, first question, document, meeting, country and bloc.</summary>
    private static List<string> Paths(string size)
    {
        string Key(string sql) => Uri.EscapeDataString(Corpora.Scalar(size, sql));
        var busiest = Key("SELECT a.Slug FROM Statements s JOIN Actors a ON a.Id = s.ActorId GROUP BY a.Id ORDER BY COUNT(*) DESC LIMIT 1");
        var other = Key("SELECT Slug FROM Actors ORDER BY Slug LIMIT 1");
        var question = Key("SELECT Slug FROM Questions ORDER BY Id LIMIT 1");
        var term = Key("SELECT Name FROM Countries ORDER BY Code LIMIT 1");
        return
        [
            "/", "/questions", $"/questions/{question}", $"/questions/{question}?pair={busiest},{other}", "/actors", $"/actors/{busiest}",
            $"/actors/{other}", "/statements", $"/statements?question={question}&q={term}", "/meetings",
            $"/meetings/{Key("SELECT Key FROM Meetings ORDER BY Id LIMIT 1")}", "/documents", $"/documents/{Key("SELECT Key FROM Documents ORDER BY Id LIMIT 1")}",
            "/countries", $"/countries/{Key("SELECT Code FROM Countries ORDER BY Code LIMIT 1")}", "/blocs", $"/blocs/{Key("SELECT Slug FROM Blocs ORDER BY Slug LIMIT 1")}",
            "/changes", $"/search?q={term}",
            // Time travel: each page at a date no visit above asked for (known at today, the default).
            "/?asOf=2024-03-15", $"/questions/{question}?asOf=2023-05-02", $"/questions/{question}?asOf=2023-05-03&pair={busiest},{other}",
            $"/actors/{busiest}?asOf=2022-09-09", $"/actors/{other}?asOf=2021-01-20",
        ];
    }

    private static string WorkingSet(int? pid) =>
        pid is null || !File.Exists($"/proc/{pid}/status") ? "" : WorkingSetMegabytes(pid.Value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The process's resident set (Linux: VmRSS), in MB.</summary>
    private static long WorkingSetMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
