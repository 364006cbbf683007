using AlliancePositions.Core.Data;
using AlliancePositions.Tests;
using System.Net.Http.Json;
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

    /// <summary>An existing database file to serve (a generated corpus, say) instead of a fresh one loaded with the seed.</summary>
    public string? DatabaseFile { get; init; }

    /// <summary>Further settings, as configuration keys (<c>Ingest:AllowedHosts:0</c>).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>A corpus folder shipped with the tests (TestData/...).</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>The PostgreSQL database made for this app when the suite runs on PostgreSQL (null on SQLite).</summary>
    public string? PostgresConnectionString { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Directory", dataDirectory);
        if (SeedDirectory is not null) builder.UseSetting("Seed:Directory", SeedDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // A given database file is a generated SQLite corpus: SQLite whatever the suite runs on.
        if (DatabaseFile is not null) builder.UseSetting($"ConnectionStrings:{Web.Hosting.StorageSetup.ConnectionStringName}", $"Data Source={DatabaseFile}");
        else if (TestDatabaseServer.Provider == DatabaseProvider.PostgreSQL)
        {
            PostgresConnectionString ??= TestDatabaseServer.CreatePostgresDatabaseAsync().GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.PostgreSQL));
            builder.UseSetting($"ConnectionStrings:{Web.Hosting.StorageSetup.ConnectionStringName}", PostgresConnectionString);
        }
    }

    public const string TestPassword = "Correct-Horse-42-battery";

    /// <summary>
    /// An HTTP client signed in through <c>POST /api/auth/login</c> with a bearer token as a new user in
    /// <paramref name="role"/>; anonymous when <paramref name="role"/> is null.
    /// </summary>
    public async Task<HttpClient> CreateClientAsync(string? role)
    {
        var client = CreateClient();
        if (role is null) return client;
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.invalid";
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.AppUser>>();
            var user = new Core.Accounts.AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, TestPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A context on the app's own database, for asserting what a request wrote.</summary>
    public AppDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>
    /// Runs <paramref name="sql"/> on the app's database behind its back: on the context's connection, not through EF,
    /// so the app's write interceptors never hear of it and nothing it keeps is cleared. The rows changed.
    /// </summary>
    public async Task<int> ChangeBehindTheAppAsync(string sql, CancellationToken cancellationToken)
    {
        await using var db = CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgresConnectionString is not null) await TestDatabaseServer.DropPostgresDatabaseAsync(PostgresConnectionString);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { /* a log file may still be held briefly; the OS temp cleaner takes it */ }
    }
}
