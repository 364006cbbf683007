using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlliancePositions.Web.Tests.Hosting;

/// <summary>
/// The real app in its own process on a free loopback port: one node of several over one PostgreSQL database. Each node
/// has its own data folder and its own home folder, as separate machines would, so nothing but the database is shared
/// (in particular not ASP.NET Core's default Data Protection key folder under the home folder).
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    public const string AdminEmail = "admin@nodes.test";
    public const string AdminPassword = "Nodes-Admin-Password-42";

    private readonly Process process;
    private readonly DirectoryInfo folder;
    private readonly Task<string> output;

    private AppNode(Process process, DirectoryInfo folder, string baseUrl)
    {
        this.process = process;
        this.folder = folder;
        BaseUrl = baseUrl;
        output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()).ContinueWith(t => string.Concat(t.Result), TaskScheduler.Default);
    }

    public string BaseUrl { get; }

    /// <summary>Starts a node (it migrates and seeds as it starts); <see cref="WaitUntilServingAsync"/> waits for it.</summary>
    public static AppNode Start(string postgres, string seedDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("alliancepositions-node");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AlliancePositions.Web.dll"), "--urls", url])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["HOME"] = folder.FullName,
                ["DOTNET_ENVIRONMENT"] = "Testing",
                ["Storage__Directory"] = Path.Combine(folder.FullName, "data"),
                ["Seed__Directory"] = seedDirectory,
                ["Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__AlliancePositions"] = postgres,
                ["Bootstrap__AdminEmail"] = AdminEmail,
                ["Bootstrap__AdminPassword"] = AdminPassword,
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new AppNode(Process.Start(start)!, folder, url);
    }

    public async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The node at {BaseUrl} stopped while starting:\n{await output}");
            try
            {
                if ((await http.GetAsync("/healthz", cancellationToken)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The node at {BaseUrl} did not serve within two minutes.");
    }

    /// <summary>Stops the node at once, as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        try { folder.Delete(recursive: true); } catch (IOException) { /* the OS temp cleaner takes what is still held */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
