using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests;

/// <summary>
/// One app server and one headless Chromium for the browser tests. Playwright cannot download a browser here, so it
/// drives the system's Chromium: <c>PLAYWRIGHT_CHROMIUM_EXECUTABLE</c>, else <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public AppServer App { get; private set; } = null!;

    /// <summary>Further settings for the app, filled in before <see cref="InitializeAsync"/> (a test site's address, say).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Why the tests cannot run here, or null when a browser was found.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var executable = FindChromium();
        if (executable is null)
        {
            Unavailable = "No Chromium found. Install it (Debian: apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.";
            return;
        }
        App = new AppServer(Settings);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh page at <paramref name="path"/>, once the interactive render is up (clicks before it are lost).</summary>
    public Task<IPage> OpenAsync(string path, ViewportSize? viewport = null) =>
        OpenAsync(path, new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 900 } });

    /// <summary>A fresh page in a context of its own kind (a phone's: touch, a small viewport), once interactive.</summary>
    public async Task<IPage> OpenAsync(string path, BrowserNewContextOptions contextOptions)
    {
        if (Unavailable is not null)
        {
            // A browser test that cannot run must not pass silently in CI.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(Unavailable);
            Assert.Skip(Unavailable);
        }
        var context = await browser!.NewContextAsync(contextOptions);
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.BaseUrl + path);
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return page;
    }

    /// <summary>Saves a screenshot under the repository's docs/screenshots, for the README: the whole page, or only what the screen shows.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var directory = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = fullPage });
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(configured)) return configured;
        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AlliancePositions.sln"))) return dir.FullName;
        throw new InvalidOperationException("AlliancePositions.sln not found above the test output folder.");
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

internal static class ExpectTimeout
{
    /// <summary>
    /// CI runs the browser tests beside the other test projects on two cores: a server round trip can take longer than
    /// Playwright's default 5 s there. What every test expects stays the same; only how long it may take to appear.
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Raise() => Assertions.SetDefaultExpectTimeout(15_000);
}
