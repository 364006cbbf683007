using AlliancePositions.Core.Data;
using AlliancePositions.Core.Statements.Search;
using AlliancePositions.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlliancePositions.Core.Tests;

/// <summary>
/// A real database with the real migrations applied, of the provider the suite runs on (<see cref="TestDatabaseServer"/>):
/// SQLite in memory, kept alive by one open connection for the test's lifetime, or a fresh PostgreSQL database dropped
/// at the end.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection? connection;
    private readonly string? postgres;
    private readonly DbContextOptions<AppDbContext> options;

    private TestDatabase(SqliteConnection? connection, string? postgres, IInterceptor[] interceptors)
    {
        this.connection = connection;
        this.postgres = postgres;
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        if (connection is not null) builder.UseSqlite(connection);
        else builder.UseAlliancePositionsDatabase(DatabaseProvider.PostgreSQL, postgres!);
        options = builder.AddInterceptors(interceptors).Options;
    }

    public DatabaseProvider Provider => connection is null ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;

    /// <summary>The full-text search the app registers for this provider.</summary>
    public IStatementTextSearch TextSearch => StatementTextSearch.For(Provider);

    /// <summary>The PostgreSQL connection string (null on SQLite).</summary>
    public string? ConnectionString => postgres;

    /// <param name="interceptors">The app's own interceptors a test is about (the app registers them in CoreServices).</param>
    public static Task<TestDatabase> CreateAsync(params IInterceptor[] interceptors) =>
        TestDatabaseServer.Provider == DatabaseProvider.PostgreSQL ? CreatePostgresAsync(interceptors) : CreateSqliteAsync(interceptors);

    /// <summary>SQLite whatever the suite runs on: for tests of a SQLite seam itself (each says why).</summary>
    public static async Task<TestDatabase> CreateSqliteAsync(params IInterceptor[] interceptors)
    {
        var database = new TestDatabase(new SqliteConnection("Data Source=:memory:"), null, interceptors);
        await database.connection!.OpenAsync(TestContext.Current.CancellationToken);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>PostgreSQL whatever the suite runs on (needs <see cref="TestDatabaseServer.Variable"/>): for tests of a PostgreSQL seam.</summary>
    public static async Task<TestDatabase> CreatePostgresAsync(params IInterceptor[] interceptors) =>
        // Copied from a migrated template: already up to date.
        new(null, await TestDatabaseServer.CreatePostgresDatabaseAsync(TestContext.Current.CancellationToken), interceptors);

    public AppDbContext CreateDbContext() => new(options);

    public async ValueTask DisposeAsync()
    {
        if (connection is not null) await connection.DisposeAsync();
        if (postgres is not null) await TestDatabaseServer.DropPostgresDatabaseAsync(postgres);
    }
}
