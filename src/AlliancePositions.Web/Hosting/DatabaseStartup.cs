using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Hosting;

/// <summary>
/// Brings the database up to date before the server takes requests: applies migrations, then loads the seed corpus
/// into an empty database. A failure stops the app, so it never serves a half-built database.
/// </summary>
internal sealed class DatabaseStartup(IDbContextFactory<AppDbContext> contexts, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database is at migration {Migration}", (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DatabaseStartupSetup
{
    public static IServiceCollection AddCorpusSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}
