using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Suggestions;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlliancePositions.Benchmarks;

/// <summary>
/// Suggestions for a 2,000-word article over the seed corpus's directory: the engine alone (rules, dates, question
/// ranking) and the whole service call the app makes when a document is added (directory read, engine, rows stored).
/// The article is the seed text repeated (numbered, so each copy is a distinct passage) to 2,000 words.
/// </summary>
public class SuggestionBenchmarks : IDisposable
{
    public const int Words = 2000;

    private SqliteConnection connection = null!;
    private SuggestionEngine engine = null!;
    private SuggestionService service = null!;
    private string article = "", documentKey = "";
    private DateOnly published;

    private sealed class Contexts(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }

    [GlobalSetup]
    public void Setup()
    {
        connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var contexts = new Contexts(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        using (var db = contexts.CreateDbContext()) db.Database.Migrate();
        new CorpusLoader(contexts, TimeProvider.System, NullLogger<CorpusLoader>.Instance)
            .SeedIfEmptyAsync(Path.Combine(Corpora.Root, "seeds", "corpus.json"), CancellationToken.None).GetAwaiter().GetResult();
        using (var db = contexts.CreateDbContext())
        {
            var seed = db.Documents.AsNoTracking().First();
            published = seed.PublishedOn!.Value;
            var copies = new List<string>();
            for (var i = 1; copies.Sum(c => c.Split(' ', '\n').Length) < Words; i++) copies.Add($"Part {i}.\n{seed.Text}");
            article = string.Join("\n\n", copies);
            engine = new SuggestionEngine(SuggestionDirectoryQueries.LoadAsync(db, CancellationToken.None).GetAwaiter().GetResult());
        }
        var statements = new StatementService(contexts, TimeProvider.System, NullLogger<StatementService>.Instance);
        service = new SuggestionService(contexts, statements, TimeProvider.System, NullLogger<SuggestionService>.Instance);
        var documents = new DocumentService(contexts, TimeProvider.System, NullLogger<DocumentService>.Instance);
        documentKey = documents.CreateAsync(new CreateDocumentRequest("Benchmark article", article, PublishedOn: published),
            new Editor("benchmark", null), CancellationToken.None).GetAwaiter().GetResult().Value!.Key;
    }

    [Benchmark]
    public int Engine() => engine.Suggest(article, published).Count;

    [Benchmark]
    public async Task<int> ComputeAndStore() => (await service.ComputeAsync(documentKey, CancellationToken.None)).Value!.Count;

    [GlobalCleanup]
    public void Dispose()
    {
        connection?.Dispose();
        GC.SuppressFinalize(this);
    }
}
