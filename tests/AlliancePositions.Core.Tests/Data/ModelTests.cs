using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Data;

public class ModelTests
{
    [Fact]
    public async Task The_model_matches_the_migrations_so_no_change_to_the_configuration_goes_unmigrated()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
