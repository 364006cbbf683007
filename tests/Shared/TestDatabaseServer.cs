using System.Security.Cryptography;
using System.Text;
using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlliancePositions.Tests;

/// <summary>
/// Which database the test suite runs on, for every test project (this file is linked into each). SQLite needs nothing;
/// when <see cref="Variable"/> holds an admin connection string to a PostgreSQL server (<c>.ci/postgres-cluster start</c>
/// sets it), every test that opens the app's database gets its own fresh PostgreSQL database instead: a copy of a
/// template migrated once (<c>CREATE DATABASE ... TEMPLATE</c>), fast enough to give each test its own.
/// </summary>
public static class TestDatabaseServer
{
    public const string Variable = "ALLIANCEPOSITIONS_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static DatabaseProvider Provider => AdminConnectionString is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;

    /// <summary>The trait of tests that need PostgreSQL whatever the suite runs on (CI's SQLite pass leaves them out).</summary>
    public const string PostgresOnly = "PostgreSQL";

    /// <summary>
    /// The admin connection string for a test that needs PostgreSQL by its nature (several nodes, a round trip between
    /// providers). Without a server the test is skipped locally, so that <c>dotnet test</c> needs nothing; in CI it fails.
    /// </summary>
    public static string RequirePostgres()
    {
        if (AdminConnectionString is { } admin) return admin;
        var unavailable = $"Needs a PostgreSQL server: set {Variable} (.ci/postgres-cluster start prints it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(unavailable);
        Assert.Skip(unavailable);
        return null!;
    }

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? template;

    /// <summary>A new, migrated and empty PostgreSQL database; its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        var source = await TemplateAsync(admin, cancellationToken);
        var name = $"ap_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>A new PostgreSQL database with nothing in it, not even the schema (for tests of start-up itself).</summary>
    public static async Task<string> CreateEmptyPostgresDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = $"ap_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabaseAsync"/>, closing what still uses it.</summary>
    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    /// <summary>
    /// The template for this build of the migrations, made once per server: test processes running at the same time
    /// take turns through an advisory lock, and a template is marked as one only when its migrations are all applied.
    /// </summary>
    private static async Task<string> TemplateAsync(string admin, CancellationToken cancellationToken)
    {
        await TemplateLock.WaitAsync(cancellationToken);
        try
        {
            if (template is not null) return template;
            var migrations = System.Reflection.Assembly.Load(DatabaseProviders.PostgreSqlMigrationsAssembly);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(migrations.ManifestModule.ModuleVersionId.ToString())))[..16];
            var name = $"ap_template_{hash}";
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(7117)", connection)) await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            await using var isTemplate = new NpgsqlCommand("SELECT datistemplate FROM pg_database WHERE datname = @name", connection);
            isTemplate.Parameters.AddWithValue("name", name);
            var state = await isTemplate.ExecuteScalarAsync(cancellationToken);
            if (state is not true)
            {
                if (state is false) await ExecuteAsync(admin, $"DROP DATABASE \"{name}\" WITH (FORCE)", cancellationToken);
                await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", cancellationToken);
                var target = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
                var options = new DbContextOptionsBuilder<AppDbContext>();
                options.UseAlliancePositionsDatabase(DatabaseProvider.PostgreSQL, target);
                await using (var db = new AppDbContext(options.Options)) await db.Database.MigrateAsync(cancellationToken);
                await ExecuteAsync(admin, $"ALTER DATABASE \"{name}\" IS_TEMPLATE true", cancellationToken);
            }
            await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7117)", connection)) await unlock.ExecuteNonQueryAsync(cancellationToken);
            return template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
