using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Hosting;

/// <summary>
/// Brings the database up to date before the server takes requests: applies migrations, then loads the seed corpus
/// into an empty database. Hosted services start before Kestrel, so a corpus that fails validation stops the app
/// before it serves anything, and nothing of it is written.
/// </summary>
internal sealed class DatabaseStartup(
    IDbContextFactory<AppDbContext> contexts, CorpusLoader loader, IOptions<SeedOptions> seed, IHostEnvironment environment,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Several nodes starting at once on one PostgreSQL database: one migrates and seeds, the others wait and find it done.
        await using var startup = await StartupLock.AcquireAsync(contexts, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var corpus = FindSeedCorpus();
        if (corpus is null)
        {
            logger.LogWarning("No seed corpus found (set Seed:Directory to a folder with {CorpusFile}); starting without one", SeedOptions.CorpusFileName);
            return;
        }
        try
        {
            await loader.SeedIfEmptyAsync(corpus, cancellationToken);
        }
        catch (CorpusValidationException invalid)
        {
            foreach (var problem in invalid.Problems)
                logger.LogError("Seed corpus problem in {File} at {JsonPath}: {Problem}", problem.File, problem.Path, problem.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A configured folder must hold the corpus; unset, the repository's <c>seeds/</c> is looked for above the content
    /// root and the working directory, so the app finds it from the repository root or from its project folder.
    /// </summary>
    private string? FindSeedCorpus()
    {
        if (seed.Value.CorpusPath(environment) is { } configured) return configured;
        foreach (var start in new[] { environment.ContentRootPath, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds", SeedOptions.CorpusFileName);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}

public static class DatabaseStartupSetup
{
    public static IServiceCollection AddCorpusSeeding(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateDataAnnotations()
            .Validate<IHostEnvironment>(SeedOptions.HoldsCorpus, SeedOptions.MissingCorpus).ValidateOnStart();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}
