using System.Text;
using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Data;
using AlliancePositions.Generator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AlliancePositions.Benchmarks;

/// <summary>
/// The generated databases the benchmarks read (generated/10k.db, 100k.db, 1m.db, 5m.db: git-ignored), made when missing, and
/// when a PostgreSQL server is given, a PostgreSQL copy of each (database <c>alliancepositions_bench_{size}</c>), made by
/// the app's own corpus export and import and kept for later runs.
/// </summary>
public static class Corpora
{
    public const string Sqlite = "SQLite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>An admin connection string to a PostgreSQL server, read when <c>--postgres</c> is not given.</summary>
    public const string PostgresVariable = "ALLIANCEPOSITIONS_TEST_POSTGRES";

    public static readonly IReadOnlyDictionary<string, int> Sizes =
        new Dictionary<string, int> { ["10k"] = 10_000, ["100k"] = 100_000, ["1m"] = 1_000_000, ["5m"] = 5_000_000 };

    /// <summary>
    /// The sizes this run measures: up to 1M by default (<c>--sizes 10k,100k</c> to choose). 5M only when asked
    /// (<c>--sizes 5m</c>): generating it takes about 35 minutes and 7 GB, its PostgreSQL copy longer.
    /// </summary>
    public static List<string> Selected { get; set; } = ["10k", "100k", "1m"];

    /// <summary>An admin connection string to the PostgreSQL server (<c>--postgres</c> or <see cref="PostgresVariable"/>); null: SQLite only.</summary>
    public static string? PostgresAdmin { get; set; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Whether to measure PostgreSQL alone (<c>--postgres-only</c>): at 5M a pass of the slow benchmarks takes most of an
    /// hour per provider, and SQLite's figures may already be on record. The SQLite file is still read (keys, counts).
    /// </summary>
    public static bool PostgresOnly { get; set; }

    /// <summary>The providers this run measures: SQLite, and PostgreSQL when a server is given (or it alone).</summary>
    public static IEnumerable<string> Providers => PostgresAdmin is null ? [Sqlite] : PostgresOnly ? [PostgreSql] : [Sqlite, PostgreSql];

    public static string Root { get; } = FindRoot();

    public static string PathOf(string size) => System.IO.Path.Combine(Root, "generated", $"{size}.db");

    public static string ConnectionString(string size) => new SqliteConnectionStringBuilder { DataSource = PathOf(size) }.ToString();

    public static string PostgresConnectionString(string size) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin ?? throw new InvalidOperationException("No PostgreSQL server given."))
        { Database = $"alliancepositions_bench_{size}" }.ConnectionString;

    public static DatabaseProvider ProviderOf(string provider) => provider == PostgreSql ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;

    public static async Task EnsureAsync(string size)
    {
        if (File.Exists(PathOf(size)))
        {
            // Made by an earlier version: brought up to date as the app does at start-up (new indexes included).
            await MigrateAsync(Factory(size));
            return;
        }
        Console.WriteLine($"Generating the {size} corpus into {PathOf(size)}");
        await SyntheticCorpus.GenerateAsync(OptionsFor(size, PathOf(size)),
            new Progress<GenerationProgress>(p => Console.WriteLine(p)), CancellationToken.None);
    }

    /// <summary>What every corpus of a size is generated with: 500 actors, 20 questions, seed 42.</summary>
    private static SyntheticCorpusOptions OptionsFor(string size, string path) => new(500, Sizes[size], 20, 42, path);

    /// <summary>
    /// The PostgreSQL copy of <c>generated/{size}.db</c>: kept when it holds as many statements, codings and annotations
    /// as the file; otherwise generated afresh with the same options and seed (the same rows, written through the
    /// PostgreSQL bulk insert with memory flat in the size, where an export and import would hold the whole corpus's
    /// JSON), checked against the file's counts, then analysed so the planner has statistics.
    /// </summary>
    public static async Task EnsurePostgresAsync(string size)
    {
        var target = PostgresConnectionString(size);
        var name = new NpgsqlConnectionStringBuilder(target).Database!;
        const string Counts = """SELECT (SELECT COUNT(*) FROM "Statements") || '/' || (SELECT COUNT(*) FROM "Codings") || '/' || (SELECT COUNT(*) FROM "Annotations")""";
        var expected = Scalar(size, Counts.Replace("\"", "", StringComparison.Ordinal));
        if (await ExistsAsync(name))
        {
            try
            {
                if (await PostgresScalarAsync(target, Counts) == expected)
                {
                    await MigrateAsync(Factory(size, PostgreSql));
                    return;
                }
            }
            catch (PostgresException)
            {
                // A database without the schema: made afresh below.
            }
        }
        Console.WriteLine($"Copying the {size} corpus into the PostgreSQL database {name} (export from SQLite, import into PostgreSQL)");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        // The drop ended every session of the old database, this tool's own pooled ones too (the count check above): a
        // pooled connection would otherwise fail the first command on the new one.
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"CREATE DATABASE \"{name}\"");
        await SyntheticCorpus.GenerateIntoPostgresAsync(target, OptionsFor(size, PathOf(size)),
            new Progress<GenerationProgress>(p => Console.WriteLine(p)), CancellationToken.None);
        await PostgresScalarAsync(target, "VACUUM ANALYZE");
        var copied = await PostgresScalarAsync(target, Counts);
        if (copied != expected) throw new InvalidOperationException($"The PostgreSQL copy of {size} holds {copied} statements/codings/annotations, the file {expected}.");
        Console.WriteLine($"Copied {size} into PostgreSQL in {watch.Elapsed.TotalSeconds:F1} s ({copied} statements/codings/annotations)");
    }

    private static async Task MigrateAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync();
    }

    /// <summary>The app's corpus export of a generated database (what <c>GET /api/export</c> answers).</summary>
    public static async Task<string> ExportAsync(string size)
    {
        using var stream = new MemoryStream();
        await new CorpusExporter(Factory(size)).WriteAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The app's corpus importer over <paramref name="factory"/>, as <c>POST /api/import</c> uses it.</summary>
    public static CorpusImporter Importer(IDbContextFactory<AppDbContext> factory) =>
        new(factory, new CorpusLoader(factory, TimeProvider.System, NullLogger<CorpusLoader>.Instance), new CorpusExporter(factory),
            TimeProvider.System, NullLogger<CorpusImporter>.Instance);

    /// <summary>A context factory for the SQLite file.</summary>
    public static IDbContextFactory<AppDbContext> Factory(string size) => Factory(size, Sqlite);

    /// <summary>A context factory configured as the app configures its own (the same provider options and connection tuning).</summary>
    public static IDbContextFactory<AppDbContext> Factory(string size, string provider) =>
        new OptionsFactory(ProviderOf(provider), provider == PostgreSql ? PostgresConnectionString(size) : ConnectionString(size));

    public static IDbContextFactory<AppDbContext> FactoryFor(DatabaseProvider provider, string connectionString) => new OptionsFactory(provider, connectionString);

    public static string Scalar(string size, string sql)
    {
        using var connection = new SqliteConnection(ConnectionString(size));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public static async Task<string> PostgresScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public static async Task AdminAsync(string sql) => await PostgresScalarAsync(PostgresAdmin!, sql);

    private static async Task<bool> ExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    /// <summary>The question and actors the benchmarks ask about: read from the SQLite file, the same content on both providers.</summary>
    public static string BusiestActor(string size) =>
        Scalar(size, "SELECT a.Slug FROM Statements s JOIN Actors a ON a.Id = s.ActorId GROUP BY s.ActorId ORDER BY COUNT(*) DESC, a.Slug LIMIT 1");

    private sealed class OptionsFactory(DatabaseProvider provider, string connectionString) : IDbContextFactory<AppDbContext>
    {
        private readonly DbContextOptions<AppDbContext> options = (DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseAlliancePositionsDatabase(provider, connectionString).Options;

        public AppDbContext CreateDbContext() => new(options);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AlliancePositions.sln"))) return directory.FullName;
        return Directory.GetCurrentDirectory();
    }
}
