using AlliancePositions.Generator;
using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlliancePositions.Core.Tests.Corpus.Generation;

/// <summary>A synthetic corpus generated into a temporary SQLite file, opened the way the app opens its database.</summary>
public sealed class GeneratedDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<AppDbContext> options;

    private GeneratedDatabase(string path, GeneratedCorpusSummary summary, IInterceptor[] interceptors)
    {
        Path = path;
        Summary = summary;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(ConnectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(interceptors)
            .Options;
    }

    public string Path { get; }
    public string ConnectionString { get; }
    public GeneratedCorpusSummary Summary { get; }

    public static async Task<GeneratedDatabase> CreateAsync(int statements, int actors = 100, int seed = 42, params IInterceptor[] interceptors)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alliance-generated-{Guid.NewGuid():N}.db");
        var summary = await SyntheticCorpus.GenerateAsync(new SyntheticCorpusOptions(actors, statements, 20, seed, path), null,
            TestContext.Current.CancellationToken);
        return new GeneratedDatabase(path, summary, interceptors);
    }

    public AppDbContext CreateDbContext() => new(options);

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
        return ValueTask.CompletedTask;
    }
}
