using AlliancePositions.Core.Data;
using AlliancePositions.Tests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlliancePositions.Core.Tests.Data;

public class ProviderTests
{
    [Fact]
    public async Task The_suite_runs_on_the_provider_the_environment_names()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        if (TestDatabaseServer.AdminConnectionString is null)
        {
            Assert.True(db.Database.IsSqlite());
            return;
        }
        Assert.True(db.Database.IsNpgsql());
        // Asked of the server itself, not of the options: the tests really talk to PostgreSQL.
        var version = await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("PostgreSQL", version, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSQL_plans_each_execution_for_its_values_unless_the_connection_string_says_otherwise()
    {
        Assert.Contains(PostgresTuning.CustomPlans, new NpgsqlConnectionStringBuilder(PostgresTuning.Apply("Host=db;Options=-c statement_timeout=5000")).Options, StringComparison.Ordinal);
        Assert.Contains("-c statement_timeout=5000", new NpgsqlConnectionStringBuilder(PostgresTuning.Apply("Host=db;Options=-c statement_timeout=5000")).Options, StringComparison.Ordinal);
        Assert.Equal("-c plan_cache_mode=auto", new NpgsqlConnectionStringBuilder(PostgresTuning.Apply("Host=db;Options=-c plan_cache_mode=auto")).Options);
    }

    [Fact]
    [Trait("Database", TestDatabaseServer.PostgresOnly)]
    public async Task On_PostgreSQL_the_app_s_sessions_plan_each_execution_for_its_values()
    {
        TestDatabaseServer.RequirePostgres();
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        // Asked of the server: the setting reached the session, not only the connection string.
        var mode = await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("force_custom_plan", mode);
    }
}
