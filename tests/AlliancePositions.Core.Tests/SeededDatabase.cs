using AlliancePositions.Core.Corpus;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests;

/// <summary>A test database loaded with the repository's seed corpus, for tests whose subject is the seed itself.</summary>
public static class SeededDatabase
{
    public static async Task<TestDatabase> CreateAsync(params IInterceptor[] interceptors) =>
        await SeedAsync(await TestDatabase.CreateAsync(interceptors));

    /// <summary>Seeded SQLite whatever the suite runs on (a round trip between providers starts there).</summary>
    public static async Task<TestDatabase> CreateSqliteAsync() => await SeedAsync(await TestDatabase.CreateSqliteAsync());

    private static async Task<TestDatabase> SeedAsync(TestDatabase database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var loader = new CorpusLoader(database, clock, NullLogger<CorpusLoader>.Instance);
        await loader.SeedIfEmptyAsync(Path.Combine(RepositoryRoot(), "seeds", "corpus.json"), TestContext.Current.CancellationToken);
        return database;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AlliancePositions.sln"))) return dir.FullName;
        throw new InvalidOperationException("AlliancePositions.sln not found above the test output folder.");
    }
}
