using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests;

/// <summary>
/// Real SQLite, in memory, kept alive by one open connection for the test's lifetime, with the real migrations applied.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<AppDbContext> options;

    private TestDatabase()
    {
        options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database.connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public AppDbContext CreateDbContext() => new(options);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
