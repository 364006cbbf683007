using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlliancePositions.Core.Tests;

/// <summary>
/// Real SQLite, in memory, kept alive by one open connection for the test's lifetime, with the real migrations applied.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<AppDbContext> options;

    private TestDatabase(IInterceptor[] interceptors)
    {
        options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options;
    }

    /// <param name="interceptors">The app's own interceptors a test is about (the app registers them in CoreServices).</param>
    public static async Task<TestDatabase> CreateAsync(params IInterceptor[] interceptors)
    {
        var database = new TestDatabase(interceptors);
        await database.connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public AppDbContext CreateDbContext() => new(options);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
