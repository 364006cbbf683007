using AlliancePositions.Generator;
using AlliancePositions.Tests;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Corpus.Generation;

public class SyntheticCorpusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_the_requested_counts_with_realistic_proportions()
    {
        await using var database = await GeneratedDatabase.CreateAsync(2_000, actors: 60);
        await using var db = database.CreateDbContext();

        Assert.Equal(2_000, await db.Statements.CountAsync(Ct));
        Assert.Equal(60, await db.Actors.CountAsync(Ct));
        Assert.Equal(20, await db.Questions.CountAsync(Ct));
        Assert.True(await db.Countries.CountAsync(Ct) >= 40);
        Assert.Equal(2, await db.Blocs.CountAsync(Ct));
        Assert.True(await db.RoleTenures.CountAsync(Ct) >= 40);
        Assert.True(await db.Meetings.AnyAsync(Ct));
        Assert.True(await db.StatementRelations.AnyAsync(Ct));
        Assert.Equal(database.Summary.Codings, await db.Codings.CountAsync(Ct));

        // Day/month/year precision close to 80/15/5.
        var byPrecision = await db.Statements.GroupBy(s => s.DatePrecision).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        Assert.InRange(byPrecision[DatePrecision.Day], 1_500, 1_700);
        Assert.InRange(byPrecision[DatePrecision.Month], 220, 380);
        Assert.InRange(byPrecision[DatePrecision.Year], 50, 160);
        Assert.All(await db.Statements.Select(s => s.Date).ToListAsync(Ct), d => Assert.InRange(d.Year, 2014, 2026));

        // Several questions per statement, a second coder on about 5% of the readings.
        var pairs = await db.Codings.Select(c => new { c.StatementId, c.QuestionId }).Distinct().CountAsync(Ct);
        Assert.InRange(pairs, 2_400, 4_000);
        var doubled = database.Summary.SecondCodings;
        Assert.Equal(database.Summary.Codings - pairs, doubled);
        Assert.InRange(doubled, pairs * 2 / 100, pairs * 9 / 100);
    }

    [Fact]
    public async Task Every_annotation_quotes_its_document_at_its_offsets_and_statements_summarise_their_evidence()
    {
        await using var database = await GeneratedDatabase.CreateAsync(2_000, actors: 60);
        await using var db = database.CreateDbContext();

        var annotations = await db.Annotations.AsNoTracking().Include(a => a.Document).ToListAsync(Ct);
        Assert.NotEmpty(annotations);
        Assert.All(annotations, a =>
        {
            Assert.Null(DocumentText.CheckSpan(a.Document.Text, a.Start, a.End, a.Exact));
            Assert.Equal(DocumentText.PrefixAt(a.Document.Text, a.Start), a.Prefix);
            Assert.Equal(DocumentText.SuffixAt(a.Document.Text, a.End), a.Suffix);
        });
        var documents = await db.Documents.AsNoTracking().ToListAsync(Ct);
        Assert.All(documents, d => Assert.Equal((DocumentText.Sha256(d.Text), DocumentText.KeyOf(DocumentText.Sha256(d.Text))), (d.Sha256, d.Key)));

        // The derived columns are exactly what the app's own write path computes from the evidence.
        var statements = await db.Statements.Include(s => s.Evidence.OrderBy(a => a.Id)).ThenInclude(a => a.Document).ThenInclude(d => d.Outlet)
            .OrderBy(s => s.Id).Take(500).ToListAsync(Ct);
        Assert.All(statements, s =>
        {
            var stored = (s.KnownFrom, s.SourceGrade, s.SearchText);
            s.SummariseEvidence();
            Assert.Equal((s.KnownFrom, s.SourceGrade, s.SearchText), stored);
            Assert.True(s.KnownFrom >= s.Date);
        });
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_rows_and_another_seed_does_not()
    {
        await using var first = await GeneratedDatabase.CreateAsync(1_000, actors: 40, seed: 7);
        await using var second = await GeneratedDatabase.CreateAsync(1_000, actors: 40, seed: 7);
        await using var other = await GeneratedDatabase.CreateAsync(1_000, actors: 40, seed: 8);

        var rows = Dump(first);
        Assert.Equal(rows, Dump(second));
        Assert.NotEqual(rows, Dump(other));
    }

    [Fact]
    public async Task The_app_services_read_the_generated_corpus()
    {
        await using var database = await GeneratedDatabase.CreateAsync(2_000, actors: 60);
        await using var db = database.CreateDbContext();
        var question = await db.Questions.OrderBy(q => q.Id).Select(q => q.Slug).FirstAsync(Ct);
        var end = new DateOnly(2027, 1, 1);

        var stances = await new StanceQueries(database).ForQuestionAsync(question, end, end, StanceLens.Default, null, Ct);

        Assert.NotNull(stances);
        Assert.True(stances.Stances.Count >= 10);
        Assert.Contains(stances.Stances, s => s.Stance.Position is not null);
        Assert.NotEmpty(stances.Matrix.Cells);

        var term = await db.Statements.OrderBy(s => s.Id).Select(s => s.Summary).FirstAsync(Ct);
        var word = term.TrimEnd('.').Split(' ')[^1];
        var found = await new StatementQueries(database, new SqliteStatementTextSearch()).SearchAsync(new StatementFilter(Text: word), Ct);
        Assert.True(found.IsValid);
        Assert.NotEmpty(found.Page.Items);
        Assert.All(found.Page.Items, row => Assert.Contains(word, row.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stances_for_chosen_actors_equal_their_stances_among_all_actors()
    {
        await using var database = await GeneratedDatabase.CreateAsync(2_000, actors: 60);
        await using var db = database.CreateDbContext();
        var question = await db.Questions.OrderBy(q => q.Id).Select(q => q.Slug).FirstAsync(Ct);
        var asOf = new DateOnly(2022, 6, 30);
        var queries = new StanceQueries(database);
        var all = await queries.ForQuestionAsync(question, asOf, asOf, StanceLens.Default, null, Ct);
        var chosen = all!.Stances.Where(s => s.Stance.Position is not null).Take(3).Select(s => s.Actor.Slug).Append("nobody-at-all").ToList();

        var some = await queries.ForQuestionAsync(question, asOf, asOf, StanceLens.Default, chosen, Ct);

        Assert.Equal(3, some!.Stances.Count);
        Assert.All(some.Stances, s => Assert.Equal(all.Stances.Single(a => a.Actor == s.Actor).Stance.Position, s.Stance.Position));
    }

    [Fact]
    public async Task Refuses_a_database_that_already_holds_a_corpus()
    {
        await using var database = await GeneratedDatabase.CreateAsync(100, actors: 10);

        var error = await Assert.ThrowsAsync<SyntheticCorpusException>(() =>
            SyntheticCorpus.GenerateAsync(new SyntheticCorpusOptions(10, 100, 20, 1, database.Path), null, Ct));

        Assert.Contains("already holds a corpus", error.Message, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal(100, await db.Statements.CountAsync(Ct));
    }

    [Fact]
    [Trait("Database", TestDatabaseServer.PostgresOnly)]
    public async Task The_same_seed_writes_the_same_corpus_into_PostgreSQL_as_into_SQLite()
    {
        TestDatabaseServer.RequirePostgres();
        await using var sqlite = await GeneratedDatabase.CreateAsync(1_000, actors: 40, seed: 7);
        await using var postgres = await TestDatabase.CreatePostgresAsync();

        var summary = await SyntheticCorpus.GenerateIntoPostgresAsync(postgres.ConnectionString!, new SyntheticCorpusOptions(40, 1_000, 20, 7, ""), null, Ct);

        Assert.Equal(sqlite.Summary with { Elapsed = default }, summary with { Elapsed = default });
        Assert.Equal(await ContentAsync(sqlite), await ContentAsync(postgres));
        var again = await Assert.ThrowsAsync<SyntheticCorpusException>(() =>
            SyntheticCorpus.GenerateIntoPostgresAsync(postgres.ConnectionString!, new SyntheticCorpusOptions(40, 10, 20, 7, ""), null, Ct));
        Assert.Contains("already holds a corpus", again.Message, StringComparison.Ordinal);
    }

    /// <summary>What a reader sees of a corpus, read through EF so that both providers are read alike.</summary>
    private static async Task<List<string>> ContentAsync(IDbContextFactory<AlliancePositions.Core.Data.AppDbContext> database)
    {
        await using var db = await database.CreateDbContextAsync(Ct);
        var statements = await db.Statements.OrderBy(s => s.Key).Select(s => new
        {
            s.Key, Actor = s.Actor.Slug, s.Date, s.DatePrecision, s.KnownFrom, s.Kind, s.Credibility, s.SourceGrade, s.Summary, s.SearchText,
            Meeting = s.Meeting == null ? null : s.Meeting.Key, Topics = s.Topics.OrderBy(t => t.Slug).Select(t => t.Slug).ToList(),
        }).ToListAsync(Ct);
        var codings = await db.Codings.OrderBy(c => c.Statement.Key).ThenBy(c => c.Question.Slug).ThenBy(c => c.Coder.DisplayName)
            .Select(c => new { Statement = c.Statement.Key, Question = c.Question.Slug, Coder = c.Coder.DisplayName, c.Position, c.Qualifier }).ToListAsync(Ct);
        var annotations = await db.Annotations.OrderBy(a => a.Document.Key).ThenBy(a => a.Start).ThenBy(a => a.End)
            .Select(a => new { Document = a.Document.Key, a.Start, a.End, a.Exact }).ToListAsync(Ct);
        Assert.NotEmpty(statements);
        return
        [
            .. statements.Select(s => (s with { Topics = [] }) + string.Join(",", s.Topics)),
            .. codings.Select(c => $"{c}"), .. annotations.Select(a => $"{a}"),
        ];
    }

    [Theory]
    [InlineData(new[] { "--statements", "10" }, "--db is required")]
    [InlineData(new[] { "--db", "x.db", "--statements", "many" }, "--statements must be a whole number")]
    [InlineData(new[] { "--db", "x.db", "--actors", "1" }, "--actors must be a whole number from 2")]
    [InlineData(new[] { "--db", "x.db", "--colour", "red" }, "Unknown option \"--colour\"")]
    [InlineData(new[] { "--db" }, "--db needs a value")]
    public void Bad_arguments_are_refused_with_a_specific_message(string[] args, string message)
    {
        var (options, error) = SyntheticCorpusOptions.Parse(args);

        Assert.Null(options);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_are_read_with_defaults()
    {
        var (options, error) = SyntheticCorpusOptions.Parse(["--db", "generated/1m.db", "--statements", "5000", "--seed", "3"]);

        Assert.Null(error);
        Assert.Equal(new SyntheticCorpusOptions(500, 5000, 20, 3, "generated/1m.db"), options);
    }

    private static string Dump(GeneratedDatabase database)
    {
        using var connection = database.OpenConnection();
        var builder = new System.Text.StringBuilder();
        foreach (var table in new[] { "Actors", "RoleTenures", "Documents", "Annotations", "Statements", "StatementTopics", "StatementEvidence",
                     "StatementRelations", "Codings", "Meetings", "MeetingParticipants" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++) builder.Append(reader.GetValue(i)).Append('|');
        }
        return builder.ToString();
    }
}
