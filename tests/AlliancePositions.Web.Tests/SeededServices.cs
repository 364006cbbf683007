using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Data;
using AlliancePositions.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlliancePositions.Web.Tests;

/// <summary>
/// A bUnit test context whose Core services run over a real SQLite file loaded with the repository's seed corpus, so
/// pages render what a user would see. Each test class gets its own database file.
/// </summary>
public abstract class SeededComponentTest : AppComponentTest, IAsyncLifetime
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"alliancepositions-bunit-{Guid.NewGuid():N}.db");
    private readonly string? postgres = TestDatabaseServer.Provider == DatabaseProvider.PostgreSQL
        ? TestDatabaseServer.CreatePostgresDatabaseAsync().GetAwaiter().GetResult() : null;

    protected SeededComponentTest()
    {
        if (postgres is null)
        {
            // The file is made here, and the app may open it but never make it: a stance still being worked out on the
            // thread pool when the test ends would otherwise open the deleted database again, leaving an empty file behind.
            using (var create = new SqliteConnection($"Data Source={databaseFile}"))
            {
                create.Open();
                using var wal = create.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = WAL"; // kept by the file; a connection that may not make files cannot switch to it
                wal.ExecuteNonQuery();
            }
            Services.AddAlliancePositionsCore($"Data Source={databaseFile};Mode=ReadWrite");
        }
        else Services.AddAlliancePositionsCore(postgres, DatabaseProvider.PostgreSQL);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    public virtual async ValueTask InitializeAsync()
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await Services.GetRequiredService<CorpusLoader>().SeedIfEmptyAsync(Path.Combine(RepositoryRoot(), "seeds", "corpus.json"), TestContext.Current.CancellationToken);
    }

    private bool databaseDeleted;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // xunit ends a test through bUnit's DisposeAsync, which calls Dispose(false): the database goes either way
        // (it used to stay behind, a file per test, gigabytes of temporary files over a day of runs).
        if (databaseDeleted) return;
        databaseDeleted = true;
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }) File.Delete(file);
        if (postgres is not null) TestDatabaseServer.DropPostgresDatabaseAsync(postgres).GetAwaiter().GetResult();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AlliancePositions.sln"))) return dir.FullName;
        throw new InvalidOperationException("AlliancePositions.sln not found above the test output folder.");
    }
}
