using System.Text;
using AlliancePositions.Core.Corpus;
using AlliancePositions.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Corpus;

/// <summary>
/// Moving a corpus from SQLite to PostgreSQL (how a growing team moves to docs/scale-out.md): PostgreSQL by nature, so
/// CI runs it in the PostgreSQL pass, and <c>dotnet test</c> without a server skips it.
/// </summary>
[Trait("Database", TestDatabaseServer.PostgresOnly)]
public class CrossProviderRoundTripTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_corpus_exported_from_SQLite_and_imported_into_PostgreSQL_exports_the_same_document()
    {
        TestDatabaseServer.RequirePostgres();
        await using var sqlite = await SeededDatabase.CreateSqliteAsync();
        var fromSqlite = await ExportAsync(sqlite);

        await using var postgres = await TestDatabase.CreatePostgresAsync();
        var importer = new CorpusImporter(postgres, new CorpusLoader(postgres, Clock, NullLogger<CorpusLoader>.Instance), new CorpusExporter(postgres),
            Clock, NullLogger<CorpusImporter>.Instance);
        var result = await importer.ImportAsync(fromSqlite, "export.json", Ct);
        var fromPostgres = await ExportAsync(postgres);

        Assert.Equal(fromSqlite, fromPostgres);
        Assert.Equal(0, result.Skipped);
        Assert.True(result.Added > 40);
        // Imported again, everything is found stored and identical: the comparison agrees across providers too.
        Assert.Equal(0, (await importer.ImportAsync(fromSqlite, "export.json", Ct)).Added);
    }

    private static async Task<string> ExportAsync(TestDatabase database)
    {
        using var buffer = new MemoryStream();
        await new CorpusExporter(database).WriteAsync(buffer, Ct);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
