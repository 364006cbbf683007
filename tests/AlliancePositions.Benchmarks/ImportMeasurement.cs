using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlliancePositions.Benchmarks;

public sealed record ImportFigures(string Size, string Provider, int Statements, double ImporterSeconds, double CliSeconds)
{
    public double ImporterPerSecond => Statements / ImporterSeconds;
    public double CliPerSecond => Statements / CliSeconds;
    public double Ratio => ImporterPerSecond / CliPerSecond;

    /// <summary>The database's own bulk load of the same rows, the reference.</summary>
    public string Reference => Provider == Corpora.PostgreSql ? "psql \\copy CSV" : "sqlite3 .import CSV";
}

/// <summary>
/// Corpus import in statements per second: the app's importer (validation, one transaction, FTS upkeep by trigger on
/// SQLite, binary COPY and the generated tsvector on PostgreSQL) on the exported corpus of a generated database, beside
/// the database's own command-line bulk load of the same statements as CSV into a bare table: the sqlite3 shell's
/// <c>.import</c>, or psql's <c>\copy</c> (COPY FROM STDIN). One-shot operations, so timed with a stopwatch (best of
/// three), not BenchmarkDotNet.
/// </summary>
public static class ImportMeasurement
{
    private const string CsvColumns = "Key,Actor,Kind,Date,DatePrecision,Summary,Credibility,SourceGrade,KnownFrom,SearchText";

    public static async Task<ImportFigures> MeasureAsync(string size, string provider = Corpora.Sqlite)
    {
        var json = await Corpora.ExportAsync(size);
        var statements = int.Parse(Corpora.Scalar(size, "SELECT COUNT(*) FROM Statements"), CultureInfo.InvariantCulture);
        var csv = Path.Combine(Path.GetTempPath(), $"alliance-import-{size}.csv");
        await File.WriteAllTextAsync(csv, Csv(size));

        var importer = double.MaxValue;
        var cli = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            importer = Math.Min(importer, provider == Corpora.PostgreSql ? await ImportIntoPostgresAsync(json) : await ImportIntoSqliteAsync(json));
            cli = Math.Min(cli, provider == Corpora.PostgreSql ? await PsqlCopyAsync(csv) : await SqliteImportAsync(csv));
        }
        File.Delete(csv);
        return new ImportFigures(size, provider, statements, importer, cli);
    }

    private static async Task<double> ImportIntoSqliteAsync(string json)
    {
        var target = Path.Combine(Path.GetTempPath(), $"alliance-import-{Guid.NewGuid():N}.db");
        var factory = Corpora.FactoryFor(DatabaseProvider.Sqlite, $"Data Source={target}");
        await using (var db = factory.CreateDbContext()) await db.Database.MigrateAsync();
        var watch = Stopwatch.StartNew();
        await Corpora.Importer(factory).ImportAsync(json, "corpus.json", CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        SqliteConnection.ClearAllPools();
        Delete(target);
        return seconds;
    }

    private static async Task<double> SqliteImportAsync(string csv)
    {
        var bare = Path.Combine(Path.GetTempPath(), $"alliance-bare-{Guid.NewGuid():N}.db");
        var watch = Stopwatch.StartNew();
        await RunAsync("sqlite3", [bare, ".import --csv " + csv + " Statements"], null);
        var seconds = watch.Elapsed.TotalSeconds;
        Delete(bare);
        return seconds;
    }

    /// <summary>The importer into a new, migrated PostgreSQL database (dropped afterwards).</summary>
    private static async Task<double> ImportIntoPostgresAsync(string json)
    {
        var name = $"alliancepositions_import_{Guid.NewGuid():N}";
        await Corpora.AdminAsync($"CREATE DATABASE \"{name}\"");
        var target = new NpgsqlConnectionStringBuilder(Corpora.PostgresAdmin) { Database = name }.ConnectionString;
        try
        {
            var factory = Corpora.FactoryFor(DatabaseProvider.PostgreSQL, target);
            await using (var db = factory.CreateDbContext()) await db.Database.MigrateAsync();
            var watch = Stopwatch.StartNew();
            await Corpora.Importer(factory).ImportAsync(json, "corpus.json", CancellationToken.None);
            return watch.Elapsed.TotalSeconds;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Corpora.AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>psql's <c>\copy</c> of the CSV into a bare table of ten text columns (no index, no search) in a new database.</summary>
    private static async Task<double> PsqlCopyAsync(string csv)
    {
        var name = $"alliancepositions_bare_{Guid.NewGuid():N}";
        await Corpora.AdminAsync($"CREATE DATABASE \"{name}\"");
        var target = new NpgsqlConnectionStringBuilder(Corpora.PostgresAdmin) { Database = name };
        try
        {
            await Corpora.PostgresScalarAsync(target.ConnectionString,
                $"CREATE TABLE \"Statements\" ({string.Join(", ", CsvColumns.Split(',').Select(c => $"\"{c}\" text"))})");
            var environment = new Dictionary<string, string?> { ["PGPASSWORD"] = target.Password };
            var watch = Stopwatch.StartNew();
            await RunAsync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture),
                "-U", target.Username ?? "postgres", "-d", name, "-c", $"\\copy \"Statements\" FROM '{csv}' WITH (FORMAT csv, HEADER true)"], environment);
            return watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await Corpora.AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task RunAsync(string program, string[] arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) if (value is not null) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program}: {await error}");
    }

    /// <summary>The statements' own columns, as the shell would import them from a spreadsheet export.</summary>
    private static string Csv(string size)
    {
        using var connection = new SqliteConnection(Corpora.ConnectionString(size));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.Key, a.Slug, s.Kind, s.Date, s.DatePrecision, s.Summary, s.Credibility, s.SourceGrade, s.KnownFrom, s.SearchText FROM Statements s JOIN Actors a ON a.Id = s.ActorId";
        var builder = new StringBuilder(CsvColumns + "\n");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            builder.AppendJoin(',', Enumerable.Range(0, reader.FieldCount).Select(i => "\"" + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
        return builder.ToString();
    }

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(file)) File.Delete(file);
    }
}
