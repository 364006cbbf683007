using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using AlliancePositions.Tests;

namespace AlliancePositions.BrowserTests;

/// <summary>
/// The real app on Kestrel at a free loopback port, over a temporary SQLite file loaded with the real seed: what a
/// browser talks to is what a user runs.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "alliancepositions-browser", Guid.NewGuid().ToString("N"));

    private readonly IReadOnlyDictionary<string, string?> settings;

    /// <param name="settings">Further configuration keys (<c>Ingest:AllowedHosts:0</c>), for a test that needs them.</param>
    public AppServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    private string? postgres;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Directory", dataDirectory);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (TestDatabaseServer.Provider == Core.Data.DatabaseProvider.PostgreSQL)
        {
            postgres ??= TestDatabaseServer.CreatePostgresDatabaseAsync().GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:AlliancePositions", postgres);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgres is not null) await TestDatabaseServer.DropPostgresDatabaseAsync(postgres);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { /* the OS temp cleaner takes what is still held */ }
    }
}
