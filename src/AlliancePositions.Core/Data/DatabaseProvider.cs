using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Data;

/// <summary>
/// The database engine the app runs on (<c>Database:Provider</c>). SQLite is the embedded default for one machine;
/// PostgreSQL serves several app nodes over one database (docs/scale-out.md).
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

public static class DatabaseProviders
{
    /// <summary>
    /// The assembly holding the PostgreSQL migrations. SQLite's stay in Core beside the context; each provider keeps
    /// its own migration history, as the EF Core documentation recommends for one context over several providers
    /// (docs/decisions/006).
    /// </summary>
    public const string PostgreSqlMigrationsAssembly = "AlliancePositions.Migrations.PostgreSQL";

    /// <summary>
    /// Points <paramref name="options"/> at the database: the one place that knows each provider's options and
    /// connection tuning, used by the app, the design-time factories and the tests alike.
    /// </summary>
    public static DbContextOptionsBuilder UseAlliancePositionsDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider,
        string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => options
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(new SqliteTuning()),
        DatabaseProvider.PostgreSQL => options
            .UseNpgsql(PostgresTuning.Apply(connectionString), postgres => postgres
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .MigrationsAssembly(PostgreSqlMigrationsAssembly))
            .AddInterceptors(new PostgresNulCharacters()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider is Sqlite or PostgreSQL."),
    };
}
