using AlliancePositions.Core.Data;
using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Corpus;

public class CorpusLoaderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static Task<ValidatedCorpus> ReadAsync(CorpusFile corpus) =>
        CorpusReader.ReadAsync(TestCorpus.ToJson(corpus), "test.json", baseDirectory: null, Clock);

    private static async Task<IReadOnlyList<CorpusProblem>> ProblemsOfAsync(string json)
    {
        var exception = await Assert.ThrowsAsync<CorpusValidationException>(() => CorpusReader.ReadAsync(json, "test.json", null, Clock));
        return exception.Problems;
    }

    private static Task<IReadOnlyList<CorpusProblem>> ProblemsOfAsync(CorpusFile corpus) => ProblemsOfAsync(TestCorpus.ToJson(corpus));

    [Fact]
    public async Task A_valid_corpus_loads_with_its_keys_and_evidence()
    {
        await using var database = await TestDatabase.CreateAsync();
        var loader = new CorpusLoader(database, Clock, NullLogger<CorpusLoader>.Instance);

        await loader.LoadAsync(await ReadAsync(TestCorpus.Valid()), TestContext.Current.CancellationToken);

        await using var db = database.CreateDbContext();
        var statement = await db.Statements.Include(s => s.Evidence).Include(s => s.Codings).Include(s => s.Topics)
            .SingleAsync(s => s.Key == "minister-instructors", TestContext.Current.CancellationToken);
        Assert.Equal(new PartialDate(new DateOnly(2024, 2, 20), DatePrecision.Day), statement.When);
        Assert.Equal("q-minister", Assert.Single(statement.Evidence).Key);
        Assert.Equal("training only", Assert.Single(statement.Codings).Qualifier);
        Assert.Equal("deployment", Assert.Single(statement.Topics).Slug);
        // Maintained on write: when the public could know it, and how reliable its best source is.
        Assert.Equal(new DateOnly(2024, 3, 1), statement.KnownFrom);
        Assert.Equal(SourceGrade.C, statement.SourceGrade);
        var annotation = await db.Annotations.Include(a => a.Document).SingleAsync(a => a.Key == "q-president", TestContext.Current.CancellationToken);
        Assert.Equal(annotation.Exact, annotation.Document.Text[annotation.Start..annotation.End]);
        Assert.Equal("\n", annotation.Prefix[^1..]);
        Assert.Equal(".", annotation.Suffix);
    }

    [Fact]
    public async Task A_refused_corpus_is_refused_through_the_task_not_by_the_call()
    {
        // The call returns at once (the checks run on the thread pool); the problems come with the task.
        var reading = CorpusReader.ReadAsync("{ \"formatVersion\": 1, \"colour\": \"red\" }", "test.json", null, Clock);
        var refused = await Assert.ThrowsAsync<CorpusValidationException>(() => reading);
        Assert.Contains(refused.Problems, p => p.Path == "$.colour");
    }

    [Fact]
    public async Task Offsets_count_utf16_code_units_so_an_emoji_takes_two()
    {
        // "😀" is one code point but two UTF-16 code units: the quote ending in it ends at 116, not 115.
        var corpus = await ReadAsync(TestCorpus.Valid());
        var text = corpus.Texts[TestCorpus.DocumentKey];
        Assert.Equal("The president replied that nothing is ruled out 😀", text[66..116]);
        Assert.Equal(115, text[..116].EnumerateRunes().Count());
    }

    [Fact]
    public async Task Schema_errors_name_the_json_path()
    {
        var json = TestCorpus.ToJson(TestCorpus.Valid()).Replace("\"kind\": \"quote\"", "\"kind\": \"rumour\"", StringComparison.Ordinal)
            .Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"colour\": \"red\",", StringComparison.Ordinal);
        var problems = await ProblemsOfAsync(json);
        Assert.Contains(problems, p => p.Path == "$.statements[0].kind" && p.Message.Contains("\"quote\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.colour" && p.Message == "unknown field \"colour\"");
        Assert.All(problems, p => Assert.Equal("test.json", p.File));
    }

    [Fact]
    public async Task Broken_json_says_where() =>
        Assert.Contains("line 1", Assert.Single(await ProblemsOfAsync("{ \"formatVersion\": 1, ")).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Unknown_references_are_reported()
    {
        var valid = TestCorpus.Valid();
        var problems = await ProblemsOfAsync(valid with
        {
            Statements = [valid.Statements[0] with { Actor = "nobody", Topics = ["weather"], Evidence = ["missing-annotation"], Meeting = "no-meeting" }, valid.Statements[1]],
        });
        Assert.Contains(problems, p => p.Path == "$.statements[0].actor" && p.Message == "unknown actor \"nobody\"");
        Assert.Contains(problems, p => p.Path == "$.statements[0].topics[0]" && p.Message == "unknown topic \"weather\"");
        Assert.Contains(problems, p => p.Path == "$.statements[0].evidence[0]" && p.Message == "unknown annotation \"missing-annotation\"");
        Assert.Contains(problems, p => p.Path == "$.statements[0].meeting");
    }

    [Fact]
    public async Task Offsets_outside_the_text_are_reported()
    {
        var valid = TestCorpus.Valid();
        var problems = await ProblemsOfAsync(valid with
        {
            Documents = [valid.Documents[0] with { Annotations = [new("far-away", 500, 510, "nothing")] }],
            Statements = [],
        });
        Assert.Contains(problems, p => p.Path == "$.documents[0].annotations[0].end" && p.Message.Contains("outside the text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quote_that_does_not_match_says_what_the_text_there_is()
    {
        var valid = TestCorpus.Valid();
        var problems = await ProblemsOfAsync(valid with
        {
            Documents = [valid.Documents[0] with { Annotations = [new("q-minister", 20, 64, "We will send soldiers, not instructors, now."), valid.Documents[0].Annotations![1]] }],
        });
        var problem = Assert.Single(problems);
        Assert.Equal("$.documents[0].annotations[0].exact", problem.Path);
        Assert.Contains("the text there is \"We will send instructors, not combat troops.\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_are_reported()
    {
        var valid = TestCorpus.Valid();
        var problems = await ProblemsOfAsync(valid with { Actors = [.. valid.Actors, valid.Actors[0]] });
        Assert.Contains(problems, p => p.Path == "$.actors[2].slug" && p.Message.StartsWith("duplicate key \"jan-minister\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Positions_outside_minus_two_to_plus_two_are_reported()
    {
        var valid = TestCorpus.Valid();
        var problems = await ProblemsOfAsync(valid with
        {
            Statements = [valid.Statements[0] with { Codings = [new("send-troops", "analyst-one", 3)] }, valid.Statements[1]],
        });
        Assert.Contains(problems, p => p.Path == "$.statements[0].codings[0].position");
    }

    [Fact]
    public async Task Impossible_dates_are_reported()
    {
        var valid = TestCorpus.Valid();
        var problems = await ProblemsOfAsync(valid with
        {
            Statements = [valid.Statements[0] with { Date = "2024-02-30" }, valid.Statements[1] with { Date = "2024-02-17" }],
            Documents = [valid.Documents[0] with { PublishedOn = "2031-01-01" }],
            Actors = [valid.Actors[0] with { Roles = [new("Minister", "defence-minister", "2020-01-01", "2019-01-01", "NL")] }, valid.Actors[1]],
        });
        Assert.Contains(problems, p => p.Path == "$.statements[0].date" && p.Message.Contains("not a real calendar date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.statements[1].date" && p.Message.Contains("1st of its month", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.documents[0].publishedOn" && p.Message.Contains("in the future", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.actors[0].roles[0].to");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        var loader = new CorpusLoader(database, Clock, NullLogger<CorpusLoader>.Instance);
        var valid = TestCorpus.Valid();
        var broken = valid with
        {
            Actors = [.. valid.Actors, valid.Actors[1]],
            Statements = [valid.Statements[0] with { Actor = "nobody" }, valid.Statements[1] with { Codings = [new("send-troops", "ghost-coder", 2)] }],
            Documents = [valid.Documents[0] with { Annotations = [new("q-minister", 20, 64, "Wrong quote entirely, of the same length!!"), valid.Documents[0].Annotations![1]] }],
        };
        var directory = Directory.CreateTempSubdirectory("corpus-test");
        var path = Path.Combine(directory.FullName, "corpus.json");
        await File.WriteAllTextAsync(path, TestCorpus.ToJson(broken), TestContext.Current.CancellationToken);

        var exception = await Assert.ThrowsAsync<CorpusValidationException>(() => loader.SeedIfEmptyAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal(4, exception.Problems.Count);
        Assert.All(exception.Problems, p => Assert.Equal("corpus.json", p.File));
        await using var db = database.CreateDbContext();
        Assert.False(await CorpusLoader.HoldsCorpusAsync(db, TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Statements.CountAsync(TestContext.Current.CancellationToken));
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Loading_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var loader = new CorpusLoader(database, Clock, NullLogger<CorpusLoader>.Instance);
        var directory = Directory.CreateTempSubdirectory("corpus-test");
        var path = Path.Combine(directory.FullName, "corpus.json");
        await File.WriteAllTextAsync(path, TestCorpus.ToJson(TestCorpus.Valid()), TestContext.Current.CancellationToken);

        Assert.True(await loader.SeedIfEmptyAsync(path, TestContext.Current.CancellationToken));
        Assert.False(await loader.SeedIfEmptyAsync(path, TestContext.Current.CancellationToken));

        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.Statements.CountAsync(TestContext.Current.CancellationToken));
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_text_file_is_read_relative_to_the_corpus_and_a_missing_one_is_reported()
    {
        var directory = Directory.CreateTempSubdirectory("corpus-test");
        var path = Path.Combine(directory.FullName, "corpus.json");
        Directory.CreateDirectory(Path.Combine(directory.FullName, "texts"));
        // CRLF and a BOM on disk: stored with LF and no BOM, so the offsets and the key still hold.
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "texts", "report.txt"), "\uFEFF" + TestCorpus.Text.Replace("\n", "\r\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var valid = TestCorpus.Valid();
        var onDisk = valid with { Documents = [valid.Documents[0] with { Text = null, TextFile = "texts/report.txt" }] };
        await File.WriteAllTextAsync(path, TestCorpus.ToJson(onDisk), TestContext.Current.CancellationToken);

        var corpus = await CorpusReader.ReadFileAsync(path, Clock, TestContext.Current.CancellationToken);
        Assert.Equal(TestCorpus.Text, corpus.Texts[TestCorpus.DocumentKey]);

        var missing = valid with { Documents = [valid.Documents[0] with { Text = null, TextFile = "texts/gone.txt" }] };
        await File.WriteAllTextAsync(path, TestCorpus.ToJson(missing), TestContext.Current.CancellationToken);
        var exception = await Assert.ThrowsAsync<CorpusValidationException>(() => CorpusReader.ReadFileAsync(path, Clock, TestContext.Current.CancellationToken));
        Assert.Contains(exception.Problems, p => p.Path == "$.documents[0].textFile");
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_failure_while_writing_leaves_nothing_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
            // The database refuses the last rows the loader writes (the codings), after everything else is sent.
            await db.Database.ExecuteSqlRawAsync(database.Provider == DatabaseProvider.Sqlite
                ? "CREATE TRIGGER RefuseCoding BEFORE INSERT ON Codings WHEN new.Qualifier = 'training only' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                : """
                  CREATE FUNCTION refuse_coding() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW."Qualifier" = 'training only' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
                  CREATE TRIGGER "RefuseCoding" BEFORE INSERT ON "Codings" FOR EACH ROW EXECUTE FUNCTION refuse_coding();
                  """,
                TestContext.Current.CancellationToken);
        var loader = new CorpusLoader(database, Clock, NullLogger<CorpusLoader>.Instance);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(async () =>
            await loader.LoadAsync(await ReadAsync(TestCorpus.Valid()), TestContext.Current.CancellationToken));

        await using var check = database.CreateDbContext();
        Assert.False(await CorpusLoader.HoldsCorpusAsync(check, TestContext.Current.CancellationToken));
        Assert.Equal(0, await check.Annotations.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await check.Statements.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
        // SQLite's full-text index is a table of its own (PostgreSQL's is a column of Statements, counted above).
        if (database.Provider == DatabaseProvider.Sqlite)
            Assert.Equal(0, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM StatementSearch").SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_new_statement_on_stored_evidence_is_summarised_from_the_stored_document()
    {
        await using var database = await TestDatabase.CreateAsync();
        var loader = new CorpusLoader(database, Clock, NullLogger<CorpusLoader>.Instance);
        var valid = TestCorpus.Valid();
        await loader.LoadAsync(await ReadAsync(valid), TestContext.Current.CancellationToken);

        // The same file plus one statement quoting a stored annotation: only that statement is new.
        var again = valid with { Statements = [.. valid.Statements, valid.Statements[0] with { Key = "minister-again", Meeting = null, Relations = null }] };
        Assert.Equal(1, await loader.LoadAsync(await ReadAsync(again), TestContext.Current.CancellationToken));

        await using var db = database.CreateDbContext();
        var original = await db.Statements.SingleAsync(s => s.Key == "minister-instructors", TestContext.Current.CancellationToken);
        var added = await db.Statements.Include(s => s.Evidence).SingleAsync(s => s.Key == "minister-again", TestContext.Current.CancellationToken);
        Assert.Equal("q-minister", Assert.Single(added.Evidence).Key);
        Assert.Equal(new DateOnly(2024, 3, 1), added.KnownFrom);
        Assert.Equal(SourceGrade.C, added.SourceGrade);
        Assert.Equal(original.SearchText, added.SearchText);
    }

    [Fact]
    public async Task Over_long_text_fields_are_reported_with_the_maximum()
    {
        var valid = TestCorpus.Valid();
        var problems = await ProblemsOfAsync(valid with { Actors = [valid.Actors[0] with { Name = new string('x', 201) }, valid.Actors[1]] });
        Assert.Contains(problems, p => p.Path == "$.actors[0].name" && p.Message.Contains("200", StringComparison.Ordinal));
    }
}
