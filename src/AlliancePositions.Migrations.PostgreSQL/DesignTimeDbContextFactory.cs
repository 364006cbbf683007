using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AlliancePositions.Migrations.PostgreSQL;

/// <summary>
/// Lets <c>dotnet ef migrations add --project src/AlliancePositions.Migrations.PostgreSQL</c> build the context on
/// PostgreSQL without starting the web host or reaching a server (adding a migration never connects).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAlliancePositionsDatabase(DatabaseProvider.PostgreSQL, "Host=localhost");
        return new AppDbContext(options.Options);
    }
}

