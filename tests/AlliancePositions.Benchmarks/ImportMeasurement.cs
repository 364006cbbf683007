using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlliancePositions.Benchmarks;

public sealed record ImportFigures(string Size, int Statements, double ImporterSeconds, double SqliteCliSeconds)
{
    public double ImporterPerSecond => Statements / ImporterSeconds;
    public double SqliteCliPerSecond => Statements / SqliteCliSeconds;
    public double Ratio => ImporterPerSecond / SqliteCliPerSecond;
}

/// <summary>
/// Corpus import in statements per second: the app's importer (validation, one transaction, FTS upkeep by trigger)
/// on the exported corpus of a generated database, beside the sqlite3 shell's <c>.import</c> of the same statements as
/// CSV into a bare table. One-shot operations, so timed with a stopwatch (best of three), not BenchmarkDotNet.
/// </summary>
public static class ImportMeasurement
{
    public static async Task<ImportFigures> MeasureAsync(string size)
    {
        var json = await ExportAsync(size);
        var statements = int.Parse(Corpora.Scalar(size, "SELECT COUNT(*) FROM Statements"), CultureInfo.InvariantCulture);
        var csv = Path.Combine(Path.GetTempPath(), $"alliance-import-{size}.csv");
        await File.WriteAllTextAsync(csv, Csv(size));

        var importer = double.MaxValue;
        var cli = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var target = Path.Combine(Path.GetTempPath(), $"alliance-import-{Guid.NewGuid():N}.db");
            var factory = new Factory($"Data Source={target}");
            await using (var db = factory.CreateDbContext()) await db.Database.MigrateAsync();
            var loader = new CorpusLoader(factory, TimeProvider.System, NullLogger<CorpusLoader>.Instance);
            var corpusImporter = new CorpusImporter(factory, loader, new CorpusExporter(factory), TimeProvider.System, NullLogger<CorpusImporter>.Instance);
            var watch = Stopwatch.StartNew();
            await corpusImporter.ImportAsync(json, "corpus.json", CancellationToken.None);
            importer = Math.Min(importer, watch.Elapsed.TotalSeconds);
            SqliteConnection.ClearAllPools();
            Delete(target);

            var bare = Path.Combine(Path.GetTempPath(), $"alliance-bare-{Guid.NewGuid():N}.db");
            watch.Restart();
            using (var process = Process.Start(new ProcessStartInfo("sqlite3", [bare, ".import --csv " + csv + " Statements"]) { RedirectStandardError = true })!)
            {
                await process.WaitForExitAsync();
                if (process.ExitCode != 0) throw new InvalidOperationException(await process.StandardError.ReadToEndAsync());
            }
            cli = Math.Min(cli, watch.Elapsed.TotalSeconds);
            Delete(bare);
        }
        File.Delete(csv);
        return new ImportFigures(size, statements, importer, cli);
    }

    private static async Task<string> ExportAsync(string size)
    {
        using var stream = new MemoryStream();
        await new CorpusExporter(Corpora.Factory(size)).WriteAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The statements' own columns, as the shell would import them from a spreadsheet export.</summary>
    private static string Csv(string size)
    {
        using var connection = new SqliteConnection(Corpora.ConnectionString(size));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.Key, a.Slug, s.Kind, s.Date, s.DatePrecision, s.Summary, s.Credibility, s.SourceGrade, s.KnownFrom, s.SearchText FROM Statements s JOIN Actors a ON a.Id = s.ActorId";
        var builder = new StringBuilder("Key,Actor,Kind,Date,DatePrecision,Summary,Credibility,SourceGrade,KnownFrom,SearchText\n");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            builder.AppendJoin(',', Enumerable.Range(0, reader.FieldCount).Select(i => "\"" + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
        return builder.ToString();
    }

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(file)) File.Delete(file);
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<AppDbContext>
    {
        private readonly DbContextOptions<AppDbContext> options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options;

        public AppDbContext CreateDbContext() => new(options);
    }
}
