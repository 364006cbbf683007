using AlliancePositions.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests;

/// <summary>
/// The real app over a temporary SQLite file, for HTTP-level tests: the real seed by default, or another corpus
/// folder. Shared per test class through <see cref="IClassFixture{TFixture}"/>.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "alliancepositions-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Another corpus folder than the repository's seeds/, as <c>Seed:Directory</c> sets it.</summary>
    public string? SeedDirectory { get; init; }

    /// <summary>A corpus folder shipped with the tests (TestData/...).</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Directory", dataDirectory);
        if (SeedDirectory is not null) builder.UseSetting("Seed:Directory", SeedDirectory);
    }

    /// <summary>A context on the app's own database, for asserting what a request wrote.</summary>
    public AppDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { /* a log file may still be held briefly; the OS temp cleaner takes it */ }
    }
}
