using AlliancePositions.Generator;
using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Benchmarks;

/// <summary>The generated databases the benchmarks read (generated/10k.db, 100k.db, 1m.db: git-ignored), made when missing.</summary>
public static class Corpora
{
    public static readonly IReadOnlyDictionary<string, int> Sizes = new Dictionary<string, int> { ["10k"] = 10_000, ["100k"] = 100_000, ["1m"] = 1_000_000 };

    /// <summary>The sizes this run measures (all by default; <c>--sizes 10k,100k</c> to choose).</summary>
    public static List<string> Selected { get; set; } = [.. Sizes.Keys];

    public static string Root { get; } = FindRoot();

    public static string PathOf(string size) => System.IO.Path.Combine(Root, "generated", $"{size}.db");

    public static string ConnectionString(string size) => new SqliteConnectionStringBuilder { DataSource = PathOf(size) }.ToString();

    public static async Task EnsureAsync(string size)
    {
        if (File.Exists(PathOf(size))) return;
        Console.WriteLine($"Generating the {size} corpus into {PathOf(size)}");
        await SyntheticCorpus.GenerateAsync(new SyntheticCorpusOptions(500, Sizes[size], 20, 42, PathOf(size)),
            new Progress<GenerationProgress>(p => Console.WriteLine(p)), CancellationToken.None);
    }

    /// <summary>A context factory configured as the app configures its own (split queries over SQLite).</summary>
    public static IDbContextFactory<AppDbContext> Factory(string size) => new FileFactory(ConnectionString(size));

    public static string Scalar(string size, string sql)
    {
        using var connection = new SqliteConnection(ConnectionString(size));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public static string BusiestActor(string size) =>
        Scalar(size, "SELECT a.Slug FROM Statements s JOIN Actors a ON a.Id = s.ActorId GROUP BY s.ActorId ORDER BY COUNT(*) DESC, a.Slug LIMIT 1");

    private sealed class FileFactory(string connectionString) : IDbContextFactory<AppDbContext>
    {
        private readonly DbContextOptions<AppDbContext> options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).Options;

        public AppDbContext CreateDbContext() => new(options);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AlliancePositions.sln"))) return directory.FullName;
        return Directory.GetCurrentDirectory();
    }
}
