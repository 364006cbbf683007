using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlliancePositions.Web.Tests;

/// <summary>
/// The real app over a temporary SQLite file with the real seed, for HTTP-level tests. Shared per test class through
/// <see cref="IClassFixture{TFixture}"/>; each test creates the data it asserts on.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "alliancepositions-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Directory", dataDirectory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { /* a log file may still be held briefly; the OS temp cleaner takes it */ }
    }
}
