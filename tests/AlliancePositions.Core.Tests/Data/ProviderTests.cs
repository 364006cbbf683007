using AlliancePositions.Core.Data;
using AlliancePositions.Tests;
using Microsoft.EntityFrameworkCore;

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
}
