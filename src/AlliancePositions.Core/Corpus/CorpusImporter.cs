using System.Text.Json;
using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlliancePositions.Core.Corpus;

/// <summary>What an import did: how many records it added and how many it found already stored (and identical).</summary>
public sealed record ImportResult(int Added, int Skipped);

/// <summary>A record whose key is stored with different content: the import is refused rather than overwrite it.</summary>
public sealed class CorpusConflictException(IReadOnlyList<CorpusProblem> conflicts)
    : Exception($"The corpus conflicts with {conflicts.Count} stored record(s); nothing was imported.")
{
    public IReadOnlyList<CorpusProblem> Conflicts { get; } = conflicts;
}

/// <summary>
/// Imports a corpus file: validated whole, compared with what is stored, and applied in one transaction, or refused
/// with every problem listed. Records whose key is stored must be identical (they are skipped); new keys are added.
/// </summary>
public sealed class CorpusImporter(IDbContextFactory<AppDbContext> contexts, CorpusLoader loader, CorpusExporter exporter, TimeProvider clock,
    ILogger<CorpusImporter> logger)
{
    private static readonly string[] Sections = ["topics", "questions", "countries", "blocs", "outlets", "coders", "actors", "documents", "meetings", "statements"];

    public Task<ImportResult> ImportAsync(string json, string fileName, CancellationToken cancellationToken) =>
        ImportAsync(json, fileName, importedBy: null, cancellationToken);

    /// <summary>Imports, and when <paramref name="importedBy"/> is given records in the audit log, in the same
    /// transaction, who imported what: one "import" row for the file with the numbers added and skipped.</summary>
    public async Task<ImportResult> ImportAsync(string json, string fileName, string? importedBy, CancellationToken cancellationToken)
    {
        var corpus = await CorpusReader.ReadAsync(json, fileName, baseDirectory: null, clock);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await CorpusLoader.HoldsCorpusAsync(db, cancellationToken))
            {
                var conflicts = await ConflictsAsync(corpus, fileName, cancellationToken);
                if (conflicts.Count > 0) throw new CorpusConflictException(conflicts);
            }
        }
        var total = Sections.Sum(section => Count(corpus.File, section));
        var added = await loader.LoadAsync(corpus, importedBy is null ? null : added => new Audit.AuditEntry
        {
            At = clock.GetUtcNow(), UserName = importedBy, Action = "import", RecordType = "Corpus", RecordKey = fileName,
            NewValues = JsonSerializer.Serialize(new { added, skipped = total - added }),
        }, cancellationToken);
        logger.LogInformation("Imported {FileName}: {Added} records added, {Skipped} already stored", fileName, added, total - added);
        return new ImportResult(added, total - added);
    }

    /// <summary>
    /// Compares record by record in the exported form, which normalises everything (context of quotes, order of
    /// lists, hashes): the incoming corpus is loaded into a scratch in-memory database and exported from there.
    /// </summary>
    private async Task<List<CorpusProblem>> ConflictsAsync(ValidatedCorpus corpus, string fileName, CancellationToken cancellationToken)
    {
        var incoming = await ExportScratchAsync(corpus, cancellationToken);
        using var stored = await ExportAsync(exporter, cancellationToken);
        var conflicts = new List<CorpusProblem>();
        foreach (var section in Sections)
        {
            var storedByKey = stored.RootElement.GetProperty(section).EnumerateArray().ToDictionary(KeyOf, e => e.GetRawText());
            foreach (var record in incoming.RootElement.GetProperty(section).EnumerateArray())
                if (storedByKey.TryGetValue(KeyOf(record), out var existing) && existing != record.GetRawText())
                    conflicts.Add(new CorpusProblem(fileName, $"$.{section}[{IndexIn(corpus.File, section, KeyOf(record))}]",
                        $"\"{KeyOf(record)}\" is stored with different content; change the key or make the record identical"));
        }
        incoming.Dispose();
        return conflicts;
    }

    private async Task<JsonDocument> ExportScratchAsync(ValidatedCorpus corpus, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        var scratch = new ScratchContexts(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        await using (var db = scratch.CreateDbContext()) await db.Database.MigrateAsync(cancellationToken);
        await new CorpusLoader(scratch, clock, NullLogger<CorpusLoader>.Instance).LoadAsync(corpus, cancellationToken);
        return await ExportAsync(new CorpusExporter(scratch), cancellationToken);
    }

    private static async Task<JsonDocument> ExportAsync(CorpusExporter source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await source.WriteAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return await JsonDocument.ParseAsync(buffer, cancellationToken: cancellationToken);
    }

    private static string KeyOf(JsonElement record) =>
        (record.TryGetProperty("slug", out var slug) ? slug : record.TryGetProperty("key", out var key) ? key : record.GetProperty("code")).GetString()!;

    private static int Count(CorpusFile file, string section) => section switch
    {
        "topics" => file.Topics.Count, "questions" => file.Questions.Count, "countries" => file.Countries.Count, "blocs" => file.Blocs.Count,
        "outlets" => file.Outlets.Count, "coders" => file.Coders.Count, "actors" => file.Actors.Count, "documents" => file.Documents.Count,
        "meetings" => file.Meetings.Count, _ => file.Statements.Count,
    };

    private static int IndexIn(CorpusFile file, string section, string key) => section switch
    {
        "topics" => file.Topics.FindIndex(r => r.Slug == key), "questions" => file.Questions.FindIndex(r => r.Slug == key),
        "countries" => file.Countries.FindIndex(r => r.Code.Equals(key, StringComparison.OrdinalIgnoreCase)), "blocs" => file.Blocs.FindIndex(r => r.Slug == key),
        "outlets" => file.Outlets.FindIndex(r => r.Slug == key), "coders" => file.Coders.FindIndex(r => r.Key == key),
        "actors" => file.Actors.FindIndex(r => r.Slug == key), "documents" => file.Documents.FindIndex(r => r.Key == key),
        "meetings" => file.Meetings.FindIndex(r => r.Key == key), _ => file.Statements.FindIndex(r => r.Key == key),
    };

    private sealed class ScratchContexts(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
