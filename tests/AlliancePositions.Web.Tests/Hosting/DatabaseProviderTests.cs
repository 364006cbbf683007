using AlliancePositions.Core.Data;
using AlliancePositions.Tests;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Hosting;

public class DatabaseProviderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_app_under_test_runs_on_the_provider_the_environment_names()
    {
        await using var db = app.CreateDbContext();

        if (TestDatabaseServer.AdminConnectionString is null)
        {
            Assert.True(db.Database.IsSqlite());
            return;
        }
        Assert.True(db.Database.IsNpgsql());
        var version = await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("PostgreSQL", version, StringComparison.Ordinal);
        // The seed went into PostgreSQL, through the COPY bulk insert.
        Assert.True(await db.Statements.AnyAsync(TestContext.Current.CancellationToken));
    }
}
