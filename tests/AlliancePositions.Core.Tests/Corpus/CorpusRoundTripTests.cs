using System.Text;
using AlliancePositions.Core.Corpus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Corpus;

public class CorpusRoundTripTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ExportAsync(TestDatabase database)
    {
        using var buffer = new MemoryStream();
        await new CorpusExporter(database).WriteAsync(buffer, Ct);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static CorpusImporter Importer(TestDatabase database) =>
        new(database, new CorpusLoader(database, Clock, NullLogger<CorpusLoader>.Instance), new CorpusExporter(database), Clock, NullLogger<CorpusImporter>.Instance);

    [Fact]
    public async Task Export_then_import_into_an_empty_database_then_export_gives_the_same_document()
    {
        await using var seeded = await SeededDatabase.CreateAsync();
        var first = await ExportAsync(seeded);
        Assert.Contains("\"text\": \"French President Emmanuel Macron", first, StringComparison.Ordinal);

        await using var empty = await TestDatabase.CreateAsync();
        var result = await Importer(empty).ImportAsync(first, "export.json", Ct);
        var second = await ExportAsync(empty);

        Assert.Equal(first, second);
        Assert.Equal(0, result.Skipped);
    }

    [Fact]
    public async Task Importing_what_is_stored_again_adds_nothing()
    {
        await using var seeded = await SeededDatabase.CreateAsync();
        var export = await ExportAsync(seeded);
        var result = await Importer(seeded).ImportAsync(export, "export.json", Ct);
        Assert.Equal(0, result.Added);
        Assert.True(result.Skipped > 40);
    }

    [Fact]
    public async Task A_stored_key_with_different_content_is_refused_and_nothing_changes()
    {
        await using var seeded = await SeededDatabase.CreateAsync();
        var export = await ExportAsync(seeded);
        var changed = export.Replace("\"name\": \"Olaf Scholz\"", "\"name\": \"Olaf S.\"", StringComparison.Ordinal)
            .Replace("\"coders\": [", "\"coders\": [\n    { \"key\": \"new-coder\", \"displayName\": \"New coder\" },", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<CorpusConflictException>(() => Importer(seeded).ImportAsync(changed, "changed.json", Ct));

        var conflict = Assert.Single(refused.Conflicts);
        Assert.StartsWith("$.actors[", conflict.Path, StringComparison.Ordinal);
        Assert.Contains("olaf-scholz", conflict.Message, StringComparison.Ordinal);
        await using var db = seeded.CreateDbContext();
        Assert.False(await db.Coders.AnyAsync(c => c.Key == "new-coder", Ct));
        Assert.Equal("Olaf Scholz", await db.Actors.Where(a => a.Slug == "olaf-scholz").Select(a => a.Name).SingleAsync(Ct));
    }

    [Fact]
    public async Task New_records_beside_stored_ones_are_added()
    {
        await using var seeded = await SeededDatabase.CreateAsync();
        var export = await ExportAsync(seeded);
        var extended = export.Replace("\"coders\": [", "\"coders\": [\n    { \"key\": \"new-coder\", \"displayName\": \"New coder\" },", StringComparison.Ordinal);

        var result = await Importer(seeded).ImportAsync(extended, "extended.json", Ct);

        Assert.Equal(1, result.Added);
        await using var db = seeded.CreateDbContext();
        Assert.True(await db.Coders.AnyAsync(c => c.Key == "new-coder", Ct));
    }
}
