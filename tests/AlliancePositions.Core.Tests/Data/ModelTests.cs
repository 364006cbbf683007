using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Data;

public class ModelTests
{
    [Fact]
    public async Task The_model_matches_the_migrations_so_no_change_to_the_configuration_goes_unmigrated()
    {
        // SQLite's migrations, whatever provider the suite runs on.
        await using var database = await TestDatabase.CreateSqliteAsync();
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_model_matches_the_PostgreSQL_migrations_so_they_are_regenerated_when_it_changes()
    {
        // Compared with the PostgreSQL migrations' snapshot; no server is needed. When this fails, add a PostgreSQL
        // migration with the command in docs/scale-out.md.
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAlliancePositionsDatabase(DatabaseProvider.PostgreSQL, "Host=localhost");
        using var db = new AppDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
